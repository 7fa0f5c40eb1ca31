//go:build load

package main

// The webhook binary under 32 concurrent clients on loopback (`make webhook-load`): p99 with
// the usual requests (repeated objects) and with every request a new plan, then peak RSS (the process's VmHWM) with maximum-size bodies, against
// the memory limit in deploy/deployment.yaml. Every request must be answered.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func TestLoadConcurrentClients(t *testing.T) {
	bin, addr := buildWebhook(t)
	cmd := exec.Command(bin, "-addr="+addr, "-insecure-http", "-drain=0s")
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	for i := 0; i < 100; i++ {
		if r, err := http.Get("http://" + addr + "/readyz"); err == nil && r.StatusCode == 200 {
			r.Body.Close()
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	usual := [][]byte{
		review(t, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "deny"}, Spec: podSpec(h100,
			container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192"))}, "Pod", "default"),
		review(t, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "fit"}, Spec: podSpec(h100,
			container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "Qwen/Qwen3-8B", "--max-model-len", "16384"))}, "Pod", "default"),
	}
	// the largest object etcd stores (1.5 MiB) as both object and oldObject: a 1.4 MiB annotation
	big := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "big", Annotations: map[string]string{"pad": strings.Repeat("x", 1400<<10)}},
		Spec: podSpec(h100, container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "Qwen/Qwen3-8B"))}
	bigBody := bytes.Replace(review(t, big, "Pod", "default"), []byte(`"object":`), []byte(`"oldObject":`+string(mustJSON(t, big))+`,"object":`), 1)
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	// run sends the bodies from 32 clients for dur; each client waits for its answer, then
	// sends again at once (every > 0: no sooner than every after its previous send).
	run := func(bodies [][]byte, dur, every time.Duration) (lat []time.Duration, failed int) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		var next atomic.Int64 // the clients take the bodies in turn: each body once before any repeats
		end := time.Now().Add(dur)
		for c := 0; c < 32; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				time.Sleep(every * time.Duration(c) / 32) // paced clients start staggered, not in bursts of 32
				for t0 := time.Now(); t0.Before(end); t0 = time.Now() {
					i := int(next.Add(1) - 1)
					resp, err := client.Post("http://"+addr+"/validate", "application/json", bytes.NewReader(bodies[i%len(bodies)]))
					d := time.Since(t0)
					ok := err == nil && resp.StatusCode == http.StatusOK
					if err == nil {
						io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
					}
					mu.Lock()
					lat = append(lat, d)
					if !ok {
						failed++
					}
					mu.Unlock()
					if every > d {
						time.Sleep(every - d)
					}
				}
			}(c)
		}
		wg.Wait()
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		return lat, failed
	}
	lat, failed := run(usual, 5*time.Second, 0)
	fmt.Printf("webhook, 32 concurrent clients as fast as answered, the usual requests (repeated objects, as controllers "+
		"re-apply them): %d in 5 s, p50 %v, p99 %v, failed %d\n", len(lat), lat[len(lat)/2], lat[len(lat)*99/100], failed)
	// every request a new plan (its context differs): no fit is remembered, each one is computed
	var distinct [][]byte
	for i := 0; i < 20000; i++ {
		model, ctx := "meta-llama/Llama-3.1-70B-Instruct", 4096+i // denied: a fit and its suggestions
		if i%2 == 1 {
			model = "Qwen/Qwen3-8B" // admitted: one fit
		}
		distinct = append(distinct, review(t, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "p"}, Spec: podSpec(h100,
			container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", model, "--max-model-len", fmt.Sprint(ctx)))}, "Pod", "default"))
	}
	dlat, dfailed := run(distinct, 5*time.Second, 0)
	fmt.Printf("webhook, 32 concurrent clients as fast as answered, every request a new plan: %d in 5 s, p50 %v, p99 %v, "+
		"failed %d\n", len(dlat), dlat[len(dlat)/2], dlat[len(dlat)*99/100], dfailed)
	failed += dfailed
	// the same 32 clients at 1,000 requests/s in all (each every 32 ms): far more workload
	// admissions than a busy cluster sees, below what the two cores answer at saturation
	plat, pfailed := run(distinct[len(dlat)%len(distinct):], 5*time.Second, 32*time.Millisecond)
	fmt.Printf("webhook, 32 concurrent clients at 1000 requests/s, every request a new plan: %d in 5 s, p50 %v, p99 %v, "+
		"failed %d\n", len(plat), plat[len(plat)/2], plat[len(plat)*99/100], pfailed)
	failed += pfailed
	blat, bfailed := run([][]byte{bigBody}, 5*time.Second, 0)
	hwm := peakRSS(t, cmd.Process.Pid)
	fmt.Printf("webhook, 32 concurrent clients, %.1f MiB bodies: %d in 5 s, p99 %v, failed %d; peak RSS %.0f MiB (limit 128 MiB)\n",
		float64(len(bigBody))/(1<<20), len(blat), blat[len(blat)*99/100], bfailed, hwm)
	if failed+bfailed > 0 || hwm > 128 {
		t.Fatalf("failed %d + %d, peak RSS %.0f MiB", failed, bfailed, hwm)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// peakRSS reads the process's high-water resident set (Linux /proc), in MiB.
func peakRSS(t *testing.T, pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%f", &kb)
			return kb / 1024
		}
	}
	return 0
}
