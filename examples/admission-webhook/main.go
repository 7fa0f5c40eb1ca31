// Command llmsize-webhook is a Kubernetes ValidatingAdmissionWebhook that refuses LLM
// serving workloads (vLLM, SGLang, llama.cpp server, Ollama, TensorRT-LLM) too large for
// the GPUs they will get, with a message that says what is short and what would fit.
// All sizing is the llmsize library's (through its Go binding).
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	llmsize "github.com/llmsize/llmsize/bindings/go"
)

// certReloader serves the certificate in certFile/keyFile, re-reading them when they change
// (cert-manager and kubelet secret projection replace them in place).
type certReloader struct {
	certFile, keyFile string
	mu                sync.Mutex
	cert              *tls.Certificate
	mod               time.Time
	checked           time.Time
}

func (c *certReloader) load() error {
	st, err := os.Stat(c.certFile)
	if err != nil {
		return err
	}
	if c.cert != nil && st.ModTime().Equal(c.mod) {
		return nil
	}
	cert, err := tls.LoadX509KeyPair(c.certFile, c.keyFile)
	if err != nil {
		return err
	}
	c.cert, c.mod = &cert, st.ModTime()
	return nil
}

func (c *certReloader) GetCertificate(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.checked) > 10*time.Second {
		c.checked = time.Now()
		if err := c.load(); err != nil && c.cert == nil {
			return nil, err
		} // on a failed reload keep serving the last good certificate
	}
	return c.cert, nil
}

func main() {
	addr := flag.String("addr", ":8443", "listen address")
	certFile := flag.String("tls-cert", "/etc/llmsize-webhook/tls/tls.crt", "TLS certificate (PEM)")
	keyFile := flag.String("tls-key", "/etc/llmsize-webhook/tls/tls.key", "TLS key (PEM)")
	insecure := flag.Bool("insecure-http", false, "serve plain HTTP (tests and benchmarks only)")
	unknown := flag.String("unknown-model", "warn", "unknown models: warn (admit with a warning) or deny")
	denyLicense := flag.Bool("deny-license", true, "deny when a namespace's declared use (llmsize.dev/use) is not allowed")
	allowOffload := flag.Bool("allow-cpu-offload", false, "admit (with a warning) a container Ollama or llama.cpp would start with layers on the CPU")
	apiServer := flag.String("apiserver", "", "API server URL (default: in-cluster)")
	tokenFile := flag.String("token-file", "", "bearer token file for -apiserver")
	caFile := flag.String("ca-file", "", "CA bundle for -apiserver")
	cacheTTL := flag.Duration("cache-ttl", 30*time.Second, "how long GPU nodes and namespaces are cached")
	timeout := flag.Duration("timeout", 2*time.Second, "per-request decision timeout")
	drain := flag.Duration("drain", 5*time.Second, "on SIGTERM, keep serving this long while not ready (endpoints drain), then shut down")
	flag.Parse()

	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	if *unknown != "warn" && *unknown != "deny" {
		log.Error("-unknown-model must be warn or deny", "value", *unknown)
		os.Exit(2)
	}
	rv := &Reviewer{Policy: Policy{DenyUnknownModels: *unknown == "deny", DenyLicense: *denyLicense, AllowCPUOffload: *allowOffload}}
	if c, ok, err := InClusterAPI(*apiServer, *tokenFile, *caFile, *cacheTTL); err != nil {
		log.Error("API server client", "error", err)
		os.Exit(1)
	} else if ok {
		rv.Cluster = c
	}
	metrics := NewMetrics()
	mux := http.NewServeMux()
	mux.Handle("/validate", &Handler{Reviewer: rv, Metrics: metrics, Log: log, Timeout: *timeout})
	mux.Handle("/metrics", metrics)
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("ok\n")) })
	ready := false
	var readyMu sync.Mutex
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, _ *http.Request) {
		readyMu.Lock()
		defer readyMu.Unlock()
		if !ready {
			http.Error(w, "starting", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	})
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 10 * time.Second, IdleTimeout: 90 * time.Second, MaxHeaderBytes: 64 << 10,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)} // net/http's own lines (TLS handshakes) as JSON too
	if !*insecure {
		cr := &certReloader{certFile: *certFile, keyFile: *keyFile}
		if err := cr.load(); err != nil {
			log.Error("TLS certificate", "error", err)
			os.Exit(1)
		}
		srv.TLSConfig = &tls.Config{GetCertificate: cr.GetCertificate, MinVersion: tls.VersionTLS12}
	}

	errc := make(chan error, 1)
	go func() {
		if *insecure {
			errc <- srv.ListenAndServe()
		} else {
			errc <- srv.ListenAndServeTLS("", "")
		}
	}()
	readyMu.Lock()
	ready = true
	readyMu.Unlock()
	log.Info("llmsize webhook serving", "addr", *addr, "llmsize", llmsize.Version(), "data", llmsize.DataVersion(),
		"models", len(llmsize.Models()), "in_cluster", rv.Cluster != nil)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			log.Error("server", "error", err)
			os.Exit(1)
		}
	case s := <-stop:
		log.Info("draining", "signal", s.String(), "for", drain.String())
		readyMu.Lock()
		ready = false // readiness fails: the Service stops sending new requests
		readyMu.Unlock()
		time.Sleep(*drain) // requests already routed here are still answered
		log.Info("shutting down")
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if err := srv.Shutdown(ctx); err != nil {
			log.Error("shutdown", "error", err)
		}
	}
}
