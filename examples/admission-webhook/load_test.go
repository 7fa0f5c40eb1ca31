//go:build load

package main

// Sustained load on loopback (`make webhook-load`): an open-loop client sends AdmissionReviews
// at a fixed rate over TLS for a fixed time and reports latency percentiles. It asserts only
// that every request was answered; the numbers are for the reader.

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestLoad(t *testing.T) {
	rate, dur := 500, 10*time.Second
	if v, err := strconv.Atoi(os.Getenv("RATE")); err == nil && v > 0 {
		rate = v
	}
	if v, err := time.ParseDuration(os.Getenv("DURATION")); err == nil && v > 0 {
		dur = v
	}
	h := handler(Policy{}, fakeCluster{nodes: []GPUNode{{Product: "NVIDIA-L4", Count: 8}, {Product: h100, Count: 8}}})
	h.Log = slog.New(slog.NewJSONHandler(io.Discard, nil)) // structured logs still formatted, then dropped
	srv := httptest.NewTLSServer(h)
	defer srv.Close()
	bodies := [][]byte{
		review(t, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "deny"}, Spec: podSpec(h100,
			container("vllm", "vllm/vllm-openai:latest", 1, "--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192"))}, "Pod", "default"),
		review(t, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "fit"}, Spec: podSpec("",
			container("vllm", "vllm/vllm-openai:latest", 1, "--model", "Qwen/Qwen3-8B", "--max-model-len", "16384"))}, "Pod", "default"),
		review(t, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "gguf"}, Spec: podSpec("NVIDIA-GeForce-RTX-4090",
			corev1.Container{Name: "llama", Image: "ghcr.io/ggml-org/llama.cpp:server", Command: []string{"llama-server"},
				Args: []string{"-m", "Qwen3-30B-A3B-Q4_K_M.gguf", "-c", "32768", "--n-cpu-moe", "20"}})}, "Pod", "default"),
	}
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256,
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}} // httptest's own certificate, loopback
	var mu sync.Mutex
	var lat []time.Duration
	var failed int
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Second / time.Duration(rate))
	defer tick.Stop()
	end := time.Now().Add(dur)
	for i := 0; time.Now().Before(end); i++ {
		<-tick.C
		wg.Add(1)
		go func(b []byte) {
			defer wg.Done()
			t0 := time.Now()
			resp, err := client.Post(srv.URL+"/validate", "application/json", bytes.NewReader(b))
			d := time.Since(t0)
			ok := err == nil && resp.StatusCode == http.StatusOK
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			mu.Lock()
			lat = append(lat, d)
			if !ok {
				failed++
			}
			mu.Unlock()
		}(bodies[i%len(bodies)])
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))] }
	fmt.Printf("webhook load: %d requests in %v (%.0f/s offered, TLS keep-alive, loopback), failed %d\n",
		len(lat), dur, float64(rate), failed)
	fmt.Printf("latency: p50 %v  p90 %v  p99 %v  max %v\n", pct(0.5), pct(0.9), pct(0.99), lat[len(lat)-1])
	if failed > 0 {
		t.Fatalf("%d requests failed", failed)
	}
}
