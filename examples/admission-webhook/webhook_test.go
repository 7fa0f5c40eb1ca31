package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	admissionv1 "k8s.io/api/admission/v1"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	llmsize "github.com/llmsize/llmsize/bindings/go"
)

// fakeCluster stands in for the API server.
type fakeCluster struct {
	nodes    []GPUNode
	ns       map[string]map[string]string
	runtimes []ServingRuntime
}

func (f fakeCluster) ServingRuntimes(context.Context, string) ([]ServingRuntime, error) {
	return f.runtimes, nil
}

func (f fakeCluster) GPUNodes(context.Context) ([]GPUNode, error) { return f.nodes, nil }
func (f fakeCluster) NamespaceAnnotations(_ context.Context, n string) (map[string]string, error) {
	return f.ns[n], nil
}

func container(name, image string, gpus int64, args ...string) corev1.Container {
	c := corev1.Container{Name: name, Image: image, Args: args}
	if gpus > 0 {
		c.Resources.Limits = corev1.ResourceList{ResourceGPU: *resource.NewQuantity(gpus, resource.DecimalSI)}
	}
	return c
}

// llama-server with Llama 3.1 70B Q4_K_M (42.5 GB) at 8192 tokens, one slot, on gpus GPUs.
func llamacpp70(gpus int64) corev1.Container {
	c := container("llama", "ghcr.io/ggml-org/llama.cpp:server-cuda", gpus,
		strings.Fields("-m /models/Meta-Llama-3.1-70B-Instruct-Q4_K_M.gguf -c 8192 -np 1 -ngl 99")...)
	c.Command = []string{"/app/llama-server"}
	return c
}

func qwen235(ot string) corev1.Container {
	c := container("llama", "ghcr.io/ggml-org/llama.cpp:server-cuda", 1,
		strings.Fields("-m /models/Qwen3-235B-A22B-Q4_K_M.gguf -c 32768 -ngl 99")...)
	if ot != "" {
		c.Args = append(c.Args, "-ot", ot)
	}
	c.Command = []string{"/app/llama-server"}
	return c
}

func podSpec(product string, c ...corev1.Container) corev1.PodSpec {
	s := corev1.PodSpec{Containers: c}
	if product != "" {
		s.NodeSelector = map[string]string{LabelProduct: product}
	}
	return s
}

func template(ann map[string]string, s corev1.PodSpec) corev1.PodTemplateSpec {
	return corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Annotations: ann}, Spec: s}
}

// review wraps a workload in an admission.k8s.io/v1 AdmissionReview as the API server sends it.
func review(t testing.TB, obj runtime.Object, kind, ns string) []byte {
	raw, err := json.Marshal(obj)
	if err != nil {
		t.Fatal(err)
	}
	group, version := "apps", "v1"
	switch kind {
	case "Pod":
		group = ""
	case "Job":
		group = "batch"
	}
	r := admissionv1.AdmissionReview{TypeMeta: metav1.TypeMeta{APIVersion: "admission.k8s.io/v1", Kind: "AdmissionReview"},
		Request: &admissionv1.AdmissionRequest{UID: "7f0b2a4e-0000-4000-8000-000000000001",
			Kind:      metav1.GroupVersionKind{Group: group, Version: version, Kind: kind},
			Operation: admissionv1.Create, Namespace: ns, Object: runtime.RawExtension{Raw: raw}}}
	b, _ := json.Marshal(r)
	return b
}

func handler(p Policy, c Cluster) *Handler {
	return &Handler{Reviewer: &Reviewer{Policy: p, Cluster: c}, Metrics: NewMetrics(),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Timeout: time.Second}
}

func post(t testing.TB, h http.Handler, body []byte) (int, *admissionv1.AdmissionResponse) {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/validate", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return rec.Code, nil
	}
	var out admissionv1.AdmissionReview
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.Response == nil {
		t.Fatalf("response %q: %v", rec.Body.String(), err)
	}
	return rec.Code, out.Response
}

const h100 = "NVIDIA-H100-80GB-HBM3" // GPU Feature Discovery's product label

func TestWorkloads(t *testing.T) {
	vllm70b := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192")
	vllm70bTP4 := container("vllm", "vllm/vllm-openai:v0.11.0", 4, "--model", "meta-llama/Llama-3.1-70B-Instruct", "-tp", "4", "--max-model-len", "32768")
	llamacpp := corev1.Container{Name: "llama", Image: "ghcr.io/ggml-org/llama.cpp:server-cuda",
		Command: []string{"/app/llama-server"}, Args: strings.Fields("-m /models/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf -c 16384 -ngl 99 -np 4"),
		Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{ResourceGPU: resource.MustParse("1")}}}
	sglang := corev1.Container{Name: "sglang", Image: "lmsysorg/sglang:v0.5.2", Command: []string{"python3", "-m", "sglang.launch_server"},
		Args:      strings.Fields("--model-path Qwen/Qwen3-32B --context-length 32768"),
		Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{ResourceGPU: resource.MustParse("1")}}}
	shell := corev1.Container{Name: "vllm", Image: "python:3.12", Command: []string{"/bin/sh", "-c"},
		Args:      []string{"pip install vllm && exec vllm serve Qwen/Qwen3-8B --max-model-len 16384"},
		Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{ResourceGPU: resource.MustParse("1")}}}
	shell2 := shell
	shell2.Args = []string{"exec vllm serve 'Qwen/Qwen3-8B' --max-model-len 16384; sleep 1"}
	ollama := container("ollama", "ollama/ollama:0.12.3", 1)
	ollama.Env = []corev1.EnvVar{{Name: "OLLAMA_CONTEXT_LENGTH", Value: "8192"}, {Name: "OLLAMA_NUM_PARALLEL", Value: "2"}}
	ollamaAnn := map[string]string{AnnModel: "llama-3.1-8b"}
	one := int32(1)

	cases := []struct {
		name    string
		obj     runtime.Object
		kind    string
		allowed bool
		want    []string // substrings of the message (denied) or of a warning (allowed)
	}{
		{"vLLM 70B bf16 on one H100: denied", &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "llama70"},
			Spec: appsv1.DeploymentSpec{Replicas: &one, Template: template(nil, podSpec(h100, vllm70b))}}, "Deployment", false,
			[]string{"llama-3.1-70b (bf16) with vllm on 1× h100-sxm", "weights 131.4 GiB", "short by", "Would fit with any one of", "GPUs (tensor parallel)"}},
		{"vLLM 70B on 4 H100s with -tp 4: admitted", &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "llama70-tp4"},
			Spec: appsv1.DeploymentSpec{Template: template(nil, podSpec(h100, vllm70bTP4))}}, "Deployment", true, nil},
		{"vLLM asks TP 4 with 2 GPUs: denied", &appsv1.StatefulSet{ObjectMeta: metav1.ObjectMeta{Name: "tp-mismatch"},
			Spec: appsv1.StatefulSetSpec{Template: template(nil, podSpec(h100, func() corev1.Container {
				c := vllm70bTP4
				c.Resources.Limits = corev1.ResourceList{ResourceGPU: resource.MustParse("2")}
				return c
			}()))}}, "StatefulSet", false, []string{"asks for 4 GPUs", "nvidia.com/gpu: 2"}},
		{"llama.cpp 8B Q4_K_M on an RTX 4090: admitted", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "llama8"},
			Spec: podSpec("NVIDIA-GeForce-RTX-4090", llamacpp)}, "Pod", true, nil},
		// llama.cpp splits the layers over the GPUs it sees: 3 will do for 64 heads (no tensor parallelism)
		{"llama.cpp 70B Q4_K_M on 3 RTX 4090s: admitted", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "llama70-3"},
			Spec: podSpec("NVIDIA-GeForce-RTX-4090", llamacpp70(3))}, "Pod", true, nil},
		{"llama.cpp 70B Q4_K_M on one RTX 4090: denied, 2 GPUs would do", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "llama70-1"},
			Spec: podSpec("NVIDIA-GeForce-RTX-4090", llamacpp70(1))}, "Pod", false, []string{"2 GPUs (layers split over them)"}},
		// -sm none: llama.cpp uses one GPU only (common/arg.cpp), however many the pod is given
		{"llama.cpp 70B Q4_K_M on 3 RTX 4090s with -sm none: denied", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "llama70-sm-none"},
			Spec: podSpec("NVIDIA-GeForce-RTX-4090", func() corev1.Container {
				c := llamacpp70(3)
				c.Args = append(c.Args, "-sm", "none")
				return c
			}())}, "Pod", false, []string{"llama-3.1-70b (Q4_K_M) with llamacpp on 1× rtx-4090"}},
		// -ot PATTERN=CPU: llama.cpp keeps the tensors the pattern finds in host memory (here every
		// layer's routed experts, 128 GiB of them), so the GPU holds attention and the cache
		{"llama.cpp Qwen3-235B-A22B Q4_K_M on one H100 with -ot exps=CPU: admitted", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "qwen235-ot"},
			Spec: podSpec(h100, qwen235(".ffn_.*_exps.=CPU"))}, "Pod", true, nil},
		{"the same without -ot: denied", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "qwen235"},
			Spec: podSpec(h100, qwen235(""))}, "Pod", false, []string{"qwen3-235b-a22b (Q4_K_M) with llamacpp on 1× h100-sxm"}},
		{"SGLang Qwen3-32B bf16 on an L4: denied", &appsv1.StatefulSet{ObjectMeta: metav1.ObjectMeta{Name: "qwen32"},
			Spec: appsv1.StatefulSetSpec{Template: template(nil, podSpec("NVIDIA-L4", sglang))}}, "StatefulSet", false,
			[]string{"qwen3-32b (bf16) with sglang on 1× l4", "short by"}},
		{"sh -c vLLM on H100: admitted", &appsv1.ReplicaSet{ObjectMeta: metav1.ObjectMeta{Name: "shell"},
			Spec: appsv1.ReplicaSetSpec{Template: template(nil, podSpec(h100, shell))}}, "ReplicaSet", true, nil},
		{"sh -c vLLM on a T4: denied", &batchv1.Job{ObjectMeta: metav1.ObjectMeta{Name: "shell-t4"},
			Spec: batchv1.JobSpec{Template: template(nil, podSpec("Tesla-T4", shell2))}}, "Job", false, []string{"qwen3-8b", "t4"}},
		{"Ollama with model annotation on an RTX 4090: admitted", &appsv1.DaemonSet{ObjectMeta: metav1.ObjectMeta{Name: "ollama"},
			Spec: appsv1.DaemonSetSpec{Template: template(ollamaAnn, podSpec("NVIDIA-GeForce-RTX-4090", ollama))}}, "DaemonSet", true, nil},
		{"Ollama with 405B annotation on an RTX 4090: denied", &appsv1.DaemonSet{ObjectMeta: metav1.ObjectMeta{Name: "ollama405"},
			Spec: appsv1.DaemonSetSpec{Template: template(map[string]string{AnnModel: "llama-3.1-405b"},
				podSpec("NVIDIA-GeForce-RTX-4090", ollama))}}, "DaemonSet", false, []string{"llama-3.1-405b (Q4_K_M) with ollama"}},
		{"annotation context makes 8B bf16 on an L4 too big: denied", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "ctx",
			Annotations: map[string]string{AnnContext: "131072", AnnSeqs: "8"}},
			Spec: podSpec("NVIDIA-L4", container("vllm", "vllm/vllm-openai:latest", 1, "--model", "meta-llama/Llama-3.1-8B-Instruct"))},
			"Pod", false, []string{"8 × 131072 tokens"}},
		{"the old llmsize.dev/users spelling still counts: denied", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "ctx-users",
			Annotations: map[string]string{AnnContext: "131072", AnnUsers: "8"}},
			Spec: podSpec("NVIDIA-L4", container("vllm", "vllm/vllm-openai:latest", 1, "--model", "meta-llama/Llama-3.1-8B-Instruct"))},
			"Pod", false, []string{"8 × 131072 tokens"}},
		{"unknown model: admitted with a warning", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "unknown"},
			Spec: podSpec(h100, container("vllm", "vllm/vllm-openai:latest", 1, "--model", "acme/secret-model-7b"))}, "Pod", true,
			[]string{"acme/secret-model-7b", "admitted by policy"}},
		{"no GPU requested: admitted with a warning", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "nogpu"},
			Spec: podSpec("", container("vllm", "vllm/vllm-openai:latest", 0, "--model", "Qwen/Qwen3-8B"))}, "Pod", true,
			[]string{"requests no nvidia.com/gpu"}},
		{"not a serving container: admitted silently", &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "nginx"},
			Spec: appsv1.DeploymentSpec{Template: template(nil, podSpec("", corev1.Container{Name: "web", Image: "nginx:1.27"}))}},
			"Deployment", true, nil},
		{"malformed flag: admitted with a warning", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "badflag"},
			Spec: podSpec(h100, container("vllm", "vllm/vllm-openai:latest", 1, "--model", "Qwen/Qwen3-8B", "--max-model-len", "32x"))},
			"Pod", true, []string{"--max-model-len"}},
		{"unknown GPU product: admitted with a warning", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "oddgpu"},
			Spec: podSpec("NVIDIA-Quantum-Q9000", container("vllm", "vllm/vllm-openai:latest", 1, "--model", "Qwen/Qwen3-8B"))},
			"Pod", true, []string{"NVIDIA-Quantum-Q9000", "not in llmsize's table"}},
		{"skip annotation", &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "skip", Annotations: map[string]string{AnnSkip: "true"}},
			Spec: podSpec(h100, vllm70b)}, "Pod", true, nil},
	}
	h := handler(Policy{DenyLicense: true}, nil)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, resp := post(t, h, review(t, c.obj, c.kind, "default"))
			if code != 200 {
				t.Fatalf("HTTP %d", code)
			}
			if resp.UID != "7f0b2a4e-0000-4000-8000-000000000001" || resp.Allowed != c.allowed {
				t.Fatalf("allowed=%v, want %v; %+v %v", resp.Allowed, c.allowed, resp.Result, resp.Warnings)
			}
			text := strings.Join(resp.Warnings, "\n")
			if !resp.Allowed {
				if resp.Result == nil || resp.Result.Code != 403 {
					t.Fatalf("denial without a 403 status: %+v", resp.Result)
				}
				text = resp.Result.Message
			}
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("%q not in:\n%s", w, text)
				}
			}
			if c.want == nil && len(resp.Warnings) > 0 && c.allowed {
				t.Errorf("admitted with warnings none expected: %v", resp.Warnings)
			}
		})
	}
}

func TestPolicies(t *testing.T) {
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "unknown"},
		Spec: podSpec(h100, container("vllm", "vllm/vllm-openai:latest", 1, "--model", "acme/secret-model-7b"))}
	if _, r := post(t, handler(Policy{DenyUnknownModels: true}, nil), review(t, pod, "Pod", "default")); r.Allowed ||
		!strings.Contains(r.Result.Message, "cannot size") {
		t.Errorf("deny-unknown policy: %+v", r)
	}
	// Llama 3.1's licence: >700M MAU needs Meta's grant; the namespace declares the use.
	c := fakeCluster{ns: map[string]map[string]string{
		"big":   {AnnUse: "commercial,mau=800000000"},
		"small": {AnnUse: "commercial,mau=1000000"},
		"bad":   {AnnUse: "commercial,mau=lots"}}}
	llama := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "llama8"},
		Spec: podSpec(h100, container("vllm", "vllm/vllm-openai:latest", 1, "--model", "meta-llama/Llama-3.1-8B-Instruct", "--max-model-len", "8192"))}
	if _, r := post(t, handler(Policy{DenyLicense: true}, c), review(t, llama, "Pod", "big")); r.Allowed ||
		!strings.Contains(r.Result.Message, "llama3.1 licence does not allow") {
		t.Errorf("licence denial: %+v", r)
	}
	if _, r := post(t, handler(Policy{DenyLicense: false}, c), review(t, llama, "Pod", "big")); !r.Allowed ||
		!strings.Contains(strings.Join(r.Warnings, "|"), "does not allow") {
		t.Errorf("licence warning under -deny-license=false: %+v", r)
	}
	if _, r := post(t, handler(Policy{DenyLicense: true}, c), review(t, llama, "Pod", "small")); !r.Allowed ||
		!strings.Contains(strings.Join(r.Warnings, "|"), "Built with Llama") {
		t.Errorf("licence obligations as warnings: %+v", r)
	}
	if _, r := post(t, handler(Policy{DenyLicense: true}, c), review(t, llama, "Pod", "bad")); !r.Allowed ||
		!strings.Contains(strings.Join(r.Warnings, "|"), "llmsize.dev/use") {
		t.Errorf("malformed use annotation: %+v", r)
	}
}

// Without a pinned product the webhook checks the cluster's GPU nodes: one kind that fits is enough.
func TestClusterNodes(t *testing.T) {
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "q32"},
		Spec: podSpec("", container("vllm", "vllm/vllm-openai:latest", 1, "--model", "Qwen/Qwen3-32B", "--max-model-len", "8192"))}
	small := fakeCluster{nodes: []GPUNode{{Product: "NVIDIA-L4", Count: 8}, {Product: "Tesla-T4", Count: 4}}}
	mixed := fakeCluster{nodes: []GPUNode{{Product: "NVIDIA-L4", Count: 8}, {Product: h100, Count: 8}}}
	if _, r := post(t, handler(Policy{}, small), review(t, pod, "Pod", "default")); r.Allowed {
		t.Errorf("fits on no node kind yet admitted: %+v", r)
	}
	if _, r := post(t, handler(Policy{}, mixed), review(t, pod, "Pod", "default")); !r.Allowed {
		t.Errorf("fits on the H100 nodes yet denied: %+v", r.Result)
	}
	pod.Spec.Containers[0].Resources.Limits[ResourceGPU] = resource.MustParse("16")
	if _, r := post(t, handler(Policy{}, mixed), review(t, pod, "Pod", "default")); r.Allowed ||
		!strings.Contains(r.Result.Message, "no GPU node has that many") {
		t.Errorf("16 GPUs on 8-GPU nodes: %+v", r)
	}
}

func TestMalformedRequests(t *testing.T) {
	h := handler(Policy{}, nil)
	files, _ := filepath.Glob("testdata/malformed/*")
	if len(files) < 3 {
		t.Fatal("malformed fixtures missing")
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/validate", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusOK {
			var out admissionv1.AdmissionReview
			if json.Unmarshal(rec.Body.Bytes(), &out) != nil || out.Response == nil {
				t.Errorf("%s: 200 without a review", f)
			}
		} else if rec.Code != http.StatusBadRequest {
			t.Errorf("%s: HTTP %d", f, rec.Code)
		}
	}
	for _, c := range []struct {
		method, ctype string
		body          []byte
		code          int
	}{
		{http.MethodGet, "application/json", nil, http.StatusMethodNotAllowed},
		{http.MethodPost, "text/plain", []byte("{}"), http.StatusUnsupportedMediaType},
		{http.MethodPost, "application/json", bytes.Repeat([]byte(" "), MaxBody+1), http.StatusRequestEntityTooLarge},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(c.method, "/validate", bytes.NewReader(c.body))
		req.Header.Set("Content-Type", c.ctype)
		h.ServeHTTP(rec, req)
		if rec.Code != c.code {
			t.Errorf("%s %s: HTTP %d, want %d", c.method, c.ctype, rec.Code, c.code)
		}
	}
	rec := httptest.NewRecorder()
	h.Metrics.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if !strings.Contains(rec.Body.String(), "llmsize_webhook_errors_total") ||
		!strings.Contains(rec.Body.String(), `llmsize_webhook_duration_seconds_bucket{le="+Inf"}`) {
		t.Errorf("metrics:\n%s", rec.Body.String())
	}
}

// A checked-in review as the API server sends it (kubectl apply of examples in deploy/).
func TestFixtureFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/review-*.json")
	if len(files) == 0 {
		t.Fatal("no review fixtures")
	}
	h := handler(Policy{}, nil)
	for _, f := range files {
		b, _ := os.ReadFile(f)
		_, r := post(t, h, b)
		want := strings.Contains(f, "-allowed")
		if r == nil || r.Allowed != want {
			t.Errorf("%s: %+v", f, r)
		}
	}
}

// go test -fuzz=FuzzHandler: no body, however malformed, panics or hangs the handler.
func FuzzHandler(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.json")
	more, _ := filepath.Glob("testdata/*.json")
	for _, p := range append(files, more...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	h := handler(Policy{}, fakeCluster{nodes: []GPUNode{{Product: h100, Count: 8}}})
	h.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	f.Fuzz(func(t *testing.T, b []byte) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/validate", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, req)
		if rec.Code == http.StatusInternalServerError {
			t.Fatalf("handler panicked on %q", b)
		}
	})
}

// The per-request cost of a decision through the HTTP handler (no network).
func BenchmarkDeny(b *testing.B) {
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "llama70"}, Spec: podSpec(h100,
		container("vllm", "vllm/vllm-openai:latest", 1, "--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192"))}
	body := review(b, pod, "Pod", "default")
	h := handler(Policy{}, nil)
	for i := 0; i < b.N; i++ {
		post(b, h, body)
	}
}

// The names the library's C, Python and Go tests resolve (tests/data/names.tsv), through the
// llmsize.dev/model annotation: the same model and format, or the same refusal.
func TestModelAnnotationReadsNamesLikeTheLibrary(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "tests", "data", "names.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		ann := map[string]string{AnnModel: f[0]}
		var plan llmsize.Plan
		if f[3] == "ollama" {
			ann[AnnEngine] = "ollama"
		}
		_, ok := applyAnnotations(&plan, ann, "test")
		n++
		if f[1] == "-" {
			if ok {
				t.Errorf("annotation %q must be refused (got %s)", f[0], plan.Model.ID)
			}
			continue
		}
		if !ok {
			continue // unresolved names are counted by the library's tests
		}
		format := plan.Format
		if format == "" {
			format = "-"
		}
		if plan.Model.ID != f[1] || format != f[2] {
			t.Errorf("annotation %q: want %s %s, got %s %s", f[0], f[1], f[2], plan.Model.ID, format)
		}
	}
	if n < 400 {
		t.Errorf("%d names", n)
	}
}

// The engine release comes from the image tag as each project publishes it, else the annotation.
func TestImageVersion(t *testing.T) {
	for image, want := range map[string]string{
		"vllm/vllm-openai:v0.11.0":                            "v0.11.0",
		"lmsysorg/sglang:v0.5.4-cu126":                        "v0.5.4",
		"ghcr.io/ggml-org/llama.cpp:server-cuda-b6550":        "b6550",
		"ollama/ollama:0.12.3":                                "0.12.3",
		"vllm/vllm-openai:latest":                             "",
		"registry.local:5000/vllm/vllm-openai":                "",
		"vllm/vllm-openai@sha256:0123456789abcdef":            "",
		"ghcr.io/ggml-org/llama.cpp:server-cuda":              "",
		"nvcr.io/nvidia/tritonserver:25.01-trtllm-python-py3": "25.01",
	} {
		if got := imageVersion(image); got != want {
			t.Errorf("%s: %q, want %q", image, got, want)
		}
	}
	// an old vLLM image is sized by its own release's rules; a version llmsize does not know warns
	old := container("vllm", "vllm/vllm-openai:v0.6.6", 1, "--model", "meta-llama/Llama-3.1-8B-Instruct", "--max-model-len", "8192")
	dep := &appsv1.Deployment{ObjectMeta: metav1.ObjectMeta{Name: "old"}, Spec: appsv1.DeploymentSpec{Template: template(
		map[string]string{AnnEngineVersion: "0.3"}, podSpec(h100, old))}}
	_, resp := post(t, handler(Policy{}, nil), review(t, dep, "Deployment", "default"))
	if resp == nil || !resp.Allowed || len(resp.Warnings) == 0 || !strings.Contains(strings.Join(resp.Warnings, " "), "not a release llmsize models") {
		t.Errorf("engine-version 0.3: %+v", resp)
	}
}

// The same with a new plan every request (the context differs): no fit is remembered.
func BenchmarkDenyUncached(b *testing.B) {
	bodies := make([][]byte, b.N)
	for i := range bodies {
		bodies[i] = review(b, &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "llama70"}, Spec: podSpec(h100,
			container("vllm", "vllm/vllm-openai:latest", 1, "--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len",
				strconv.Itoa(4096+i)))}, "Pod", "default")
	}
	h := handler(Policy{}, nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		post(b, h, bodies[i])
	}
}
