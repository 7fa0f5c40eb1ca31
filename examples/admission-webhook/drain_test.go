package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// 5. On SIGTERM the webhook fails readiness at once but keeps answering reviews for -drain
// (requests the Service already routed here), then exits cleanly; 6. its logs are JSON.
func TestDrainOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	// a drain long enough that a loaded 2-core CI machine still reaches the review below
	// inside it; the checks poll instead of sleeping a fixed time
	const drain = 3 * time.Second
	bin, hostport := buildWebhook(t)
	addr := "http://" + hostport
	cmd := exec.Command(bin, "-addr="+hostport, "-insecure-http", "-drain="+drain.String())
	var logs bytes.Buffer
	cmd.Stderr = &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	get := func(path string) int {
		r, err := http.Get(addr + path)
		if err != nil {
			return 0
		}
		r.Body.Close()
		return r.StatusCode
	}
	for i := 0; get("/readyz") != http.StatusOK; i++ {
		if i > 100 {
			t.Fatal("never ready")
		}
		time.Sleep(50 * time.Millisecond)
	}
	body := review(t, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "p"}, Spec: podSpec(h100,
		container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "Qwen/Qwen3-8B", "--max-model-len", "8192"))}, "Pod", "default")
	validate := func() int {
		r, err := http.Post(addr+"/validate", "application/json", bytes.NewReader(body))
		if err != nil {
			return 0
		}
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
		return r.StatusCode
	}
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for get("/readyz") != http.StatusServiceUnavailable {
		if time.Since(sent) > drain/2 {
			t.Fatalf("readiness still not 503 %v after SIGTERM", time.Since(sent))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if code := validate(); code != http.StatusOK {
		t.Errorf("a review %v after SIGTERM: %d, want 200 (still draining)", time.Since(sent), code)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after drain: %v", err)
		}
		if el := time.Since(sent); el < drain {
			t.Errorf("exited %v after SIGTERM, before the %v drain", el, drain)
		}
	case <-time.After(drain + 15*time.Second):
		t.Errorf("still running %v after SIGTERM", drain+15*time.Second)
	}
	// every log line, net/http's own included, is one JSON object
	lines := 0
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		lines++
		if !json.Valid([]byte(line)) {
			t.Errorf("a log line that is not JSON: %q", line)
		}
	}
	if lines < 4 { // serving, a review, draining, shutting down
		t.Errorf("%d log lines: %q", lines, logs.String())
	}
}

// buildWebhook builds the webhook binary into a temporary directory and picks a free
// loopback address for it.
func buildWebhook(t *testing.T) (bin, addr string) {
	bin = filepath.Join(t.TempDir(), "llmsize-webhook")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr = l.Addr().String()
	l.Close()
	return bin, addr
}
