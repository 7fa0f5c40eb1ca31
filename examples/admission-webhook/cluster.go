package main

// A minimal, cached API-server reader: GPU nodes (by their GFD labels) and namespace
// annotations. Plain HTTPS with the pod's service-account token, so the webhook needs
// only `list nodes` and `get namespaces` (deploy/rbac.yaml) and no client-go.

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// APICluster reads the cluster through the API server.
type APICluster struct {
	Server    string // https://host:port
	TokenFile string // re-read on each request (projected tokens rotate)
	Client    *http.Client
	TTL       time.Duration

	mu      sync.Mutex
	nodes   []GPUNode
	nodesAt time.Time
	nodeErr error // the last failure, kept for failTTL so an unreachable API server is asked once
	ns      map[string]nsEntry
	lists   map[string]listEntry // ServingRuntimes by namespace, ClusterServingRuntimes
	flight  flights
}

type listEntry struct {
	val []ServingRuntime
	err error
	at  time.Time
}

// failTTL is how long a failed lookup is remembered: requests in that window get the same
// error at once instead of each waiting for the API server's timeout.
const failTTL = 5 * time.Second

// flights runs one lookup per key at a time; concurrent callers wait for its result
// (a cold cache under load asks the API server once, not once per request).
type flights struct {
	mu    sync.Mutex
	calls map[string]*flight
}

type flight struct {
	done chan struct{}
	val  any
	err  error
}

// The lookup runs on its own goroutine: every caller, the first included, stops waiting
// when its own request's deadline passes, and the lookup still fills the cache.
func (f *flights) do(ctx context.Context, key string, fn func() (any, error)) (any, error) {
	f.mu.Lock()
	if f.calls == nil {
		f.calls = map[string]*flight{}
	}
	c, ok := f.calls[key]
	if !ok {
		c = &flight{done: make(chan struct{})}
		f.calls[key] = c
		go func() {
			c.val, c.err = fn()
			f.mu.Lock()
			delete(f.calls, key)
			f.mu.Unlock()
			close(c.done)
		}()
	}
	f.mu.Unlock()
	select {
	case <-c.done:
		return c.val, c.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

type nsEntry struct {
	ann map[string]string
	err error
	at  time.Time
}

// InClusterAPI is the API server as seen from a pod; ok is false outside a cluster.
func InClusterAPI(server, tokenFile, caFile string, ttl time.Duration) (*APICluster, bool, error) {
	const sa = "/var/run/secrets/kubernetes.io/serviceaccount/"
	if server == "" {
		host, port := os.Getenv("KUBERNETES_SERVICE_HOST"), os.Getenv("KUBERNETES_SERVICE_PORT")
		if host == "" {
			return nil, false, nil
		}
		server = "https://" + strings.TrimSuffix(host+":"+port, ":")
		tokenFile, caFile = sa+"token", sa+"ca.crt"
	}
	pool := x509.NewCertPool()
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, false, err
		}
		pool.AppendCertsFromPEM(pem)
	}
	c := &APICluster{Server: server, TokenFile: tokenFile, TTL: ttl, ns: map[string]nsEntry{},
		Client: &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{
			TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}}
	return c, true, nil
}

func (c *APICluster) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Server+path, nil)
	if err != nil {
		return err
	}
	if c.TokenFile != "" {
		tok, err := os.ReadFile(c.TokenFile)
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(tok)))
	}
	resp, err := c.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return &statusError{path, resp.StatusCode, resp.Status}
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// GPUNodes lists nodes carrying GFD's product label or GKE's accelerator label, one entry per node (cached for TTL; a
// failure for failTTL; one request to the API server however many reviews wait for it).
func (c *APICluster) GPUNodes(ctx context.Context) ([]GPUNode, error) {
	c.mu.Lock()
	if c.nodes != nil && time.Since(c.nodesAt) < c.TTL {
		n := c.nodes
		c.mu.Unlock()
		return n, nil
	}
	if c.nodeErr != nil && time.Since(c.nodesAt) < failTTL {
		err := c.nodeErr
		c.mu.Unlock()
		return nil, err
	}
	c.mu.Unlock()
	v, err := c.flight.do(ctx, "nodes", func() (any, error) {
		// GFD's nodes, then GKE's (a node may carry both: one entry per node, GFD's labels first)
		nodes, byName := []GPUNode{}, map[string]bool{}
		var err error
		for _, label := range []string{LabelProduct, LabelGKE} {
			var list corev1.NodeList
			if err = c.get(context.WithoutCancel(ctx), "/api/v1/nodes?labelSelector="+url.QueryEscape(label), &list); err != nil {
				break
			}
			for _, n := range list.Items {
				if !byName[n.Name] {
					byName[n.Name] = true
					nodes = append(nodes, nodeOf(n.Labels, n.Status.Allocatable))
				}
			}
		}
		c.mu.Lock()
		if err != nil {
			c.nodes, c.nodeErr = nil, err
		} else {
			c.nodes, c.nodeErr = nodes, nil
		}
		c.nodesAt = time.Now()
		c.mu.Unlock()
		return nodes, err
	})
	if err != nil {
		return nil, err
	}
	return v.([]GPUNode), nil
}

// NamespaceAnnotations returns a namespace's annotations (cached for TTL, a failure for
// failTTL; one request per namespace at a time).
func (c *APICluster) NamespaceAnnotations(ctx context.Context, name string) (map[string]string, error) {
	c.mu.Lock()
	if e, ok := c.ns[name]; ok && time.Since(e.at) < c.TTL && (e.err == nil || time.Since(e.at) < failTTL) {
		c.mu.Unlock()
		return e.ann, e.err
	}
	c.mu.Unlock()
	v, err := c.flight.do(ctx, "ns/"+name, func() (any, error) {
		var ns corev1.Namespace
		err := c.get(context.WithoutCancel(ctx), "/api/v1/namespaces/"+url.PathEscape(name), &ns)
		c.mu.Lock()
		if len(c.ns) > 4096 { // bounded: namespaces come and go
			c.ns = map[string]nsEntry{}
		}
		c.ns[name] = nsEntry{ns.Annotations, err, time.Now()}
		c.mu.Unlock()
		return ns.Annotations, err
	})
	if err != nil {
		return nil, err
	}
	ann, _ := v.(map[string]string)
	return ann, nil
}

// statusError is an API server's answer other than 200 OK.
type statusError struct {
	path   string
	code   int
	status string
}

func (e *statusError) Error() string { return fmt.Sprintf("GET %s: %s", e.path, e.status) }

// ServingRuntimes lists the KServe ServingRuntimes of a namespace and the cluster's
// ClusterServingRuntimes (each list cached for TTL, a failure for failTTL). A cluster
// without KServe's CRDs has none.
func (c *APICluster) ServingRuntimes(ctx context.Context, ns string) ([]ServingRuntime, error) {
	nsd, err := c.runtimeList(ctx, "sr/"+ns, "/apis/serving.kserve.io/v1alpha1/namespaces/"+url.PathEscape(ns)+"/servingruntimes", false)
	if err != nil {
		return nil, err
	}
	cl, err := c.runtimeList(ctx, "csr", "/apis/serving.kserve.io/v1alpha1/clusterservingruntimes", true)
	if err != nil {
		return nil, err
	}
	return append(append([]ServingRuntime{}, nsd...), cl...), nil
}

func (c *APICluster) runtimeList(ctx context.Context, key, path string, cluster bool) ([]ServingRuntime, error) {
	c.mu.Lock()
	if e, ok := c.lists[key]; ok && time.Since(e.at) < c.TTL && (e.err == nil || time.Since(e.at) < failTTL) {
		c.mu.Unlock()
		return e.val, e.err
	}
	c.mu.Unlock()
	v, err := c.flight.do(ctx, key, func() (any, error) {
		var list struct {
			Items []struct {
				Metadata struct {
					Name string `json:"name"`
				} `json:"metadata"`
				Spec servingRuntimeSpec `json:"spec"`
			} `json:"items"`
		}
		err := c.get(context.WithoutCancel(ctx), path, &list)
		var se *statusError
		if errors.As(err, &se) && se.code == http.StatusNotFound {
			err = nil // the CRD is not installed
		}
		out := []ServingRuntime{}
		for _, it := range list.Items {
			out = append(out, ServingRuntime{Name: it.Metadata.Name, Cluster: cluster, Spec: it.Spec})
		}
		c.mu.Lock()
		if c.lists == nil || len(c.lists) > 4096 {
			c.lists = map[string]listEntry{}
		}
		c.lists[key] = listEntry{out, err, time.Now()}
		c.mu.Unlock()
		return out, err
	})
	if err != nil {
		return nil, err
	}
	return v.([]ServingRuntime), nil
}
