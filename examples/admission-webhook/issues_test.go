package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
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

// Regression tests for what operators found (issue "An admission webhook operators can
// trust"): each failed on the webhook before the fix.

// reviewOp wraps an operation on obj (with its previous version) as the API server sends it.
func reviewOp(t testing.TB, op admissionv1.Operation, obj, old runtime.Object, kind, group string) []byte {
	raw, err := json.Marshal(obj)
	if err != nil {
		t.Fatal(err)
	}
	req := &admissionv1.AdmissionRequest{UID: "7f0b2a4e-0000-4000-8000-000000000002", Operation: op, Namespace: "default",
		Kind: metav1.GroupVersionKind{Group: group, Version: "v1", Kind: kind}, Object: runtime.RawExtension{Raw: raw}}
	if old != nil {
		o, _ := json.Marshal(old)
		req.OldObject = runtime.RawExtension{Raw: o}
	}
	b, _ := json.Marshal(admissionv1.AdmissionReview{TypeMeta: metav1.TypeMeta{APIVersion: "admission.k8s.io/v1",
		Kind: "AdmissionReview"}, Request: req})
	return b
}

// reviewMap wraps an object written as a map (a custom resource) in an AdmissionReview.
func reviewMap(t testing.TB, obj map[string]any, group, version, kind string) []byte {
	b, err := json.Marshal(obj)
	if err != nil {
		t.Fatal(err)
	}
	req := &admissionv1.AdmissionRequest{UID: "7f0b2a4e-0000-4000-8000-000000000003", Operation: admissionv1.Create, Namespace: "default",
		Kind: metav1.GroupVersionKind{Group: group, Version: version, Kind: kind}, Object: runtime.RawExtension{Raw: b}}
	out, _ := json.Marshal(admissionv1.AdmissionReview{TypeMeta: metav1.TypeMeta{APIVersion: "admission.k8s.io/v1",
		Kind: "AdmissionReview"}, Request: req})
	return out
}

func deploymentOf(name string, replicas int32, c corev1.Container, product string) *appsv1.Deployment {
	return &appsv1.Deployment{TypeMeta: metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default"},
		Spec:       appsv1.DeploymentSpec{Replicas: &replicas, Template: template(nil, podSpec(product, c))}}
}

func allowed(t *testing.T, what string, body []byte, want bool, contains ...string) {
	t.Helper()
	allowedOn(t, handler(Policy{}, nil), what, body, want, contains...)
}

// allowedOn is allowed with a handler of the test's (a cluster's nodes).
func allowedOn(t *testing.T, h http.Handler, what string, body []byte, want bool, contains ...string) {
	t.Helper()
	_, resp := post(t, h, body)
	if resp == nil || resp.Allowed != want {
		t.Errorf("%s: allowed=%v, want %v (%+v)", what, resp != nil && resp.Allowed, want, resp)
		return
	}
	text := strings.Join(resp.Warnings, "\n")
	if resp.Result != nil {
		text += "\n" + resp.Result.Message
	}
	for _, c := range contains {
		if !strings.Contains(text, c) {
			t.Errorf("%s: %q not in %q", what, c, text)
		}
	}
}

// 1. Updates are judged by what changes what the engine loads, not as new objects.
func TestUpdatesJudgeWhatChanged(t *testing.T) {
	big := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192")
	old := deploymentOf("llama70", 1, big, h100)
	allowed(t, "create", reviewOp(t, admissionv1.Create, old, nil, "Deployment", "apps"), false, "does not fit")
	labelled := old.DeepCopy()
	labelled.Labels = map[string]string{"team": "ml"}
	labelled.Annotations = map[string]string{"owner": "x"}
	allowed(t, "kubectl label/annotate", reviewOp(t, admissionv1.Update, labelled, old, "Deployment", "apps"), true)
	scaled := old.DeepCopy()
	zero := int32(0)
	scaled.Spec.Replicas = &zero
	allowed(t, "scale to 0", reviewOp(t, admissionv1.Update, scaled, old, "Deployment", "apps"), true)
	deleting := old.DeepCopy()
	now := metav1.Now()
	deleting.DeletionTimestamp, deleting.Finalizers = &now, nil
	old.Finalizers = []string{"example.com/cleanup"}
	allowed(t, "finalizer removal after delete", reviewOp(t, admissionv1.Update, deleting, old, "Deployment", "apps"), true)
	changed := old.DeepCopy()
	changed.Spec.Template.Spec.Containers[0].Args = []string{"--model", "meta-llama/Llama-3.1-405B-Instruct"}
	allowed(t, "a new model in the template", reviewOp(t, admissionv1.Update, changed, old, "Deployment", "apps"), false, "llama-3.1-405b")
	allowed(t, "delete", reviewOp(t, admissionv1.Delete, old, old, "Deployment", "apps"), true)
}

// 2. The mistakes the webhook exists to catch.
func TestEngineDefaultsNotGPUCount(t *testing.T) {
	// no -tp on a 4-GPU pod: vLLM runs on one GPU (its default tensor_parallel_size is 1)
	noTP := container("vllm", "vllm/vllm-openai:v0.11.0", 4, "--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192")
	allowed(t, "70B, 4 GPUs, no -tp", reviewOp(t, admissionv1.Create, deploymentOf("notp", 1, noTP, h100), nil, "Deployment", "apps"),
		false, "on 1× h100-sxm")
	// -dp 2 needs two GPUs
	dp := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "Qwen/Qwen3-8B", "-dp", "2")
	allowed(t, "-dp 2 on one GPU", reviewOp(t, admissionv1.Create, deploymentOf("dp", 1, dp, h100), nil, "Deployment", "apps"),
		false, "data 2")
	// a bash script that installs vLLM, then serves a 405B on a T4
	sh := corev1.Container{Name: "vllm", Image: "python:3.12", Command: []string{"bash", "-c"},
		Args:      []string{"export MODEL=meta-llama/Llama-3.1-405B-Instruct; pip install vllm && \\\n  exec vllm serve \"${MODEL}\" --max-model-len 8192"},
		Resources: corev1.ResourceRequirements{Limits: corev1.ResourceList{ResourceGPU: resource.MustParse("1")}}}
	allowed(t, "bash -c pip install && vllm serve 405B on a T4",
		reviewOp(t, admissionv1.Create, deploymentOf("sh405", 1, sh, "Tesla-T4"), nil, "Deployment", "apps"), false, "llama-3.1-405b")
	// llmsize.dev/context does not override the context the command sets
	long := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "meta-llama/Llama-3.1-8B-Instruct", "--max-model-len", "131072")
	d := deploymentOf("ctx", 1, long, "NVIDIA-A10G")
	d.Spec.Template.Annotations = map[string]string{AnnContext: "4096"}
	allowed(t, "context annotation vs --max-model-len", reviewOp(t, admissionv1.Create, d, nil, "Deployment", "apps"), false, "131072")
}

// 3. Workloads an operator makes, and CronJobs, are checked; what a built-in workload makes is not checked twice.
func TestOwnersAndCronJobs(t *testing.T) {
	big := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192")
	yes := true
	d := deploymentOf("operator-made", 1, big, h100)
	d.OwnerReferences = []metav1.OwnerReference{{APIVersion: "example.com/v1", Kind: "InferenceDeployment", Name: "x", UID: "u", Controller: &yes}}
	allowed(t, "a Deployment an operator owns", reviewOp(t, admissionv1.Create, d, nil, "Deployment", "apps"), false, "does not fit")
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "rs-pod", OwnerReferences: []metav1.OwnerReference{{APIVersion: "apps/v1",
		Kind: "ReplicaSet", Name: "rs", UID: "u", Controller: &yes}}}, Spec: podSpec(h100, big)}
	allowed(t, "a Pod its ReplicaSet made", reviewOp(t, admissionv1.Create, pod, nil, "Pod", ""), true)
	cj := &batchv1.CronJob{ObjectMeta: metav1.ObjectMeta{Name: "nightly"}, Spec: batchv1.CronJobSpec{Schedule: "0 1 * * *",
		JobTemplate: batchv1.JobTemplateSpec{Spec: batchv1.JobSpec{Template: template(nil, podSpec(h100, big))}}}}
	allowed(t, "a CronJob", reviewOp(t, admissionv1.Create, cj, nil, "CronJob", "batch"), false, "does not fit")
}

// 4. Labels real clusters carry and variables in commands.
func TestLabelsAndVariables(t *testing.T) {
	big := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192")
	gke := deploymentOf("gke", 1, big, "")
	gke.Spec.Template.Spec.NodeSelector = map[string]string{LabelGKE: "nvidia-l4"}
	allowed(t, "GKE accelerator label", reviewOp(t, admissionv1.Create, gke, nil, "Deployment", "apps"), false, "l4")
	vars := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "$(MODEL)", "--max-model-len", "8192")
	vars.Env = []corev1.EnvVar{{Name: "MODEL", Value: "meta-llama/Llama-3.1-70B-Instruct"}}
	allowed(t, "$(MODEL) from env", reviewOp(t, admissionv1.Create, deploymentOf("vars", 1, vars, h100), nil, "Deployment", "apps"),
		false, "llama-3.1-70b")
	secret := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "meta-llama/Llama-3.1-8B-Instruct", "--max-model-len", "$(LEN)")
	secret.Env = []corev1.EnvVar{{Name: "LEN", ValueFrom: &corev1.EnvVarSource{ConfigMapKeyRef: &corev1.ConfigMapKeySelector{Key: "len"}}}}
	allowed(t, "a variable from a ConfigMap", reviewOp(t, admissionv1.Create, deploymentOf("cm", 1, secret, h100), nil, "Deployment", "apps"),
		true, "ConfigMap or Secret")
}

// 5. Requests as the API server sends them, and as it must not.
func TestRequestHygiene(t *testing.T) {
	h := handler(Policy{}, nil)
	ok := reviewOp(t, admissionv1.Create, deploymentOf("small", 1, container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model",
		"Qwen/Qwen3-8B", "--max-model-len", "8192"), h100), nil, "Deployment", "apps")
	send := func(ct string, body []byte) int {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/validate", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", ct)
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	if c := send("application/json; charset=utf-8", ok); c != http.StatusOK {
		t.Errorf("application/json with a charset: %d", c)
	}
	if c := send("application/jsonp", ok); c != http.StatusUnsupportedMediaType {
		t.Errorf("application/jsonp: %d", c)
	}
	noUID := strings.Replace(string(ok), `"uid":"7f0b2a4e-0000-4000-8000-000000000002",`, "", 1)
	if c := send("application/json", []byte(noUID)); c != http.StatusBadRequest {
		t.Errorf("no request.uid: %d", c)
	}
	// an object the API server accepted but the webhook cannot decode: admitted with a warning (failurePolicy: Ignore)
	bad := strings.Replace(string(ok), `"replicas":1`, `"replicas":"one"`, 1)
	allowed(t, "undecodable object", []byte(bad), true, "not checked")
	// 2^33 GPUs is not a small number wrapped: denied, saying so
	huge := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "Qwen/Qwen3-8B")
	huge.Resources.Limits[ResourceGPU] = *resource.NewQuantity(1<<33, resource.DecimalSI)
	allowed(t, "2^33 GPUs", reviewOp(t, admissionv1.Create, deploymentOf("huge", 1, huge, h100), nil, "Deployment", "apps"), false,
		"no node has that many")
}

// 5. A cold cache under load asks the API server once; an unreachable one is asked once per
// failTTL, and the licence check then says it was skipped.
func TestClusterLookupsUnderLoad(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		time.Sleep(50 * time.Millisecond)
		if strings.HasPrefix(r.URL.Path, "/api/v1/namespaces/") {
			w.Write([]byte(`{"metadata":{"annotations":{"llmsize.dev/use":"commercial"}}}`))
			return
		}
		w.Write([]byte(`{"items":[{"metadata":{"labels":{"nvidia.com/gpu.product":"NVIDIA-H100-80GB-HBM3","nvidia.com/gpu.count":"8"}}}]}`))
	}))
	defer srv.Close()
	c := &APICluster{Server: srv.URL, Client: srv.Client(), TTL: time.Minute, ns: map[string]nsEntry{}}
	var wg sync.WaitGroup
	for i := 0; i < 32; i++ {
		wg.Add(2)
		go func() { defer wg.Done(); c.GPUNodes(context.Background()) }()
		go func() { defer wg.Done(); c.NamespaceAnnotations(context.Background(), "ml") }()
	}
	wg.Wait()
	if n := calls.Load(); n != 3 {
		t.Errorf("32 concurrent reviews on a cold cache: %d API requests, want 3 (GFD's and GKE's node lists, one namespace)", n)
	}
	down := &APICluster{Server: "http://127.0.0.1:1", Client: &http.Client{Timeout: time.Second}, TTL: time.Minute, ns: map[string]nsEntry{}}
	if _, err := down.GPUNodes(context.Background()); err == nil {
		t.Fatal("an unreachable API server answered")
	}
	start := time.Now()
	if _, err := down.GPUNodes(context.Background()); err == nil || time.Since(start) > 100*time.Millisecond {
		t.Errorf("the second lookup within failTTL: %v after %v", err, time.Since(start))
	}
	rv := &Reviewer{Cluster: down}
	d := Decision{Allowed: true}
	var use *llmsize.Use
	m, _ := llmsize.LookupModel("llama-3.1-8b")
	rv.license(context.Background(), "ml", "Deployment x", m, &use, &d)
	if !strings.Contains(strings.Join(d.Warnings, " "), "licence not checked") {
		t.Errorf("licence check skipped silently: %v", d.Warnings)
	}
}

// 3. Multi-node vLLM in a LeaderWorkerSet, and KServe InferenceServices.
func TestLeaderWorkerSetAndKServe(t *testing.T) {
	lws := func(size int, args string) []byte {
		obj := map[string]any{"apiVersion": "leaderworkerset.x-k8s.io/v1", "kind": "LeaderWorkerSet",
			"metadata": map[string]any{"name": "llama405"},
			"spec": map[string]any{"leaderWorkerTemplate": map[string]any{"size": size,
				"leaderTemplate": map[string]any{"spec": map[string]any{"nodeSelector": map[string]any{LabelProduct: h100},
					"containers": []any{map[string]any{"name": "leader", "image": "vllm/vllm-openai:v0.11.0",
						"command": []any{"sh", "-c"}, "args": []any{args},
						"resources": map[string]any{"limits": map[string]any{"nvidia.com/gpu": "8"}}}}}},
				"workerTemplate": map[string]any{"spec": map[string]any{"nodeSelector": map[string]any{LabelProduct: h100},
					"containers": []any{map[string]any{"name": "worker", "image": "vllm/vllm-openai:v0.11.0",
						"command": []any{"sh", "-c"}, "args": []any{"ray start --address=$(LWS_LEADER_ADDRESS):6379 --block"},
						"resources": map[string]any{"limits": map[string]any{"nvidia.com/gpu": "8"}}}}}}}}}
		return reviewMap(t, obj, "leaderworkerset.x-k8s.io", "v1", "LeaderWorkerSet")
	}
	serve := "ray start --head --port=6379 && vllm serve meta-llama/Llama-3.1-405B-Instruct -tp 8 -pp 2 --max-model-len 8192"
	allowed(t, "405B on 2 nodes of 8 H100s (tp 8 x pp 2)", lws(2, serve), true)
	allowed(t, "the same on one node", lws(1, serve), false, "asks for 16 GPUs")
	isvc := func(predictor map[string]any, ann map[string]any) []byte {
		obj := map[string]any{"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService",
			"metadata": map[string]any{"name": "llama", "annotations": ann}, "spec": map[string]any{"predictor": predictor}}
		return reviewMap(t, obj, "serving.kserve.io", "v1beta1", "InferenceService")
	}
	gpu1 := map[string]any{"limits": map[string]any{"nvidia.com/gpu": "1"}}
	allowed(t, "KServe predictor container", isvc(map[string]any{"nodeSelector": map[string]any{LabelProduct: h100},
		"containers": []any{map[string]any{"name": "kserve-container", "image": "vllm/vllm-openai:v0.11.0",
			"args": []any{"--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192"}, "resources": gpu1}}}, nil),
		false, "does not fit")
	model := map[string]any{"nodeSelector": map[string]any{LabelProduct: h100}, "model": map[string]any{
		"modelFormat": map[string]any{"name": "huggingface"}, "args": []any{"--model_name=llama"}, "resources": gpu1}}
	allowed(t, "KServe model predictor, no annotations", isvc(model, nil), true, "ServingRuntime")
	allowed(t, "KServe model predictor, annotated", isvc(model, map[string]any{AnnEngine: "vllm",
		AnnModel: "meta-llama/Llama-3.1-70B-Instruct", AnnContext: "8192"}), false, "does not fit")
}

// 4. Labels of real clusters: GFD's memory label, GKE's accelerator label on nodes, MIG
// slices in both of GFD's strategies (memory from the node's labels; unlabelled: said to be
// unchecked), and every product of an affinity's In list.
func TestRealClusterLabels(t *testing.T) {
	qwen8 := func(limits corev1.ResourceList) corev1.Container {
		c := container("vllm", "vllm/vllm-openai:v0.11.0", 0, "--model", "Qwen/Qwen3-4B", "--max-model-len", "8192")
		c.Resources.Limits = limits
		return c
	}
	mig := func(p string) corev1.ResourceList {
		return corev1.ResourceList{corev1.ResourceName(ResourceMIGPrefix + p): resource.MustParse("1")}
	}
	gpu1 := corev1.ResourceList{ResourceGPU: resource.MustParse("1")}
	// labels as GFD writes them on an A100 40GB node in MIG's mixed strategy (memory in MiB, as NVML reports a slice)
	a100mixed := nodeOf(map[string]string{LabelProduct: "NVIDIA-A100-SXM4-40GB", LabelCount: "1", LabelMemory: "40960",
		"nvidia.com/mig.strategy": "mixed", "nvidia.com/mig-1g.5gb.count": "7", "nvidia.com/mig-1g.5gb.memory": "4864",
		"nvidia.com/mig-3g.20gb.count": "2", "nvidia.com/mig-3g.20gb.memory": "20096"}, nil)
	if a100mixed.MIG["1g.5gb"] != (MIGSlices{7, 4864}) {
		t.Fatalf("GFD's MIG labels: %+v", a100mixed.MIG)
	}
	h := func(nodes ...GPUNode) http.Handler { return handler(Policy{}, fakeCluster{nodes: nodes}) }
	dep := func(c corev1.Container) []byte {
		return reviewOp(t, admissionv1.Create, deploymentOf("q", 1, c, ""), nil, "Deployment", "apps")
	}
	// Qwen3-4B in bf16 is 7.5 GiB of weights: a 1g.5gb slice (4.75 GiB) cannot hold it, a 3g.20gb one can
	allowedOn(t, h(a100mixed), "mixed strategy, 1g.5gb", dep(qwen8(mig("1g.5gb"))), false, "MIG 1g.5gb", "4.8 GiB each")
	allowedOn(t, h(a100mixed), "mixed strategy, 3g.20gb", dep(qwen8(mig("3g.20gb"))), true)
	allowedOn(t, h(a100mixed), "a profile no node has", dep(qwen8(mig("7g.40gb"))), false, "no GPU node has that many")
	allowedOn(t, h(), "no nodes known", dep(qwen8(mig("1g.5gb"))), true, "not checked")
	// the single strategy: the profile in the product label, the slice's memory in gpu.memory
	single := nodeOf(map[string]string{LabelProduct: "NVIDIA-A100-SXM4-40GB-MIG-1g.5gb", LabelCount: "7", LabelMemory: "4864"}, nil)
	allowedOn(t, h(single), "single strategy, 1g.5gb", dep(qwen8(gpu1)), false, "MIG 1g.5gb")
	unlabelled := nodeOf(map[string]string{LabelProduct: "NVIDIA-A100-SXM4-40GB-MIG-1g.5gb", LabelCount: "7"}, nil)
	allowedOn(t, h(unlabelled), "single strategy without a memory label", dep(qwen8(gpu1)), true, "not labelled", "not checked")
	// GKE's label alone identifies the GPU (nodes listed by it too)
	gke := nodeOf(map[string]string{LabelGKE: "nvidia-l4"}, corev1.ResourceList{ResourceGPU: resource.MustParse("1")})
	if gke.Product != "nvidia-l4" || gke.Count != 1 {
		t.Fatalf("GKE node: %+v", gke)
	}
	big := container("vllm", "vllm/vllm-openai:v0.11.0", 1, "--model", "Qwen/Qwen3-32B", "--max-model-len", "8192")
	allowedOn(t, h(gke), "Qwen3-32B on a GKE L4 node", dep(big), false, "does not fit", "on 1× l4")
	// a product llmsize's table lacks is sized from GFD's memory label
	future := nodeOf(map[string]string{LabelProduct: "NVIDIA-Z100-NEXT", LabelCount: "8", LabelMemory: "24576"}, nil)
	allowedOn(t, h(future), "an unknown product with gpu.memory", dep(big), false, "NVIDIA-Z100-NEXT (24.0 GiB each)")
	allowedOn(t, h(future), "… and a model that fits it", dep(qwen8(gpu1)), true, "sized as a 24576 MiB GPU")
	unknown := nodeOf(map[string]string{LabelProduct: "NVIDIA-Z100-NEXT", LabelCount: "8"}, nil)
	allowedOn(t, h(unknown), "an unknown product, no memory label", dep(big), true, "not in llmsize's table", "not checked")
	// an affinity In list: every product listed must fit
	anyOf := big
	spec := corev1.PodSpec{Containers: []corev1.Container{anyOf}, Affinity: &corev1.Affinity{NodeAffinity: &corev1.NodeAffinity{
		RequiredDuringSchedulingIgnoredDuringExecution: &corev1.NodeSelector{NodeSelectorTerms: []corev1.NodeSelectorTerm{{
			MatchExpressions: []corev1.NodeSelectorRequirement{{Key: LabelProduct, Operator: corev1.NodeSelectorOpIn,
				Values: []string{h100, "NVIDIA-L4"}}}}}}}}}
	d := &appsv1.Deployment{TypeMeta: metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: metav1.ObjectMeta{Name: "q", Namespace: "default"}, Spec: appsv1.DeploymentSpec{Template: template(nil, spec)}}
	allowedOn(t, h(), "In [H100, L4]: the L4 does not fit", review(t, d, "Deployment", "default"), false, "on 1× l4")
}

// 3. A KServe model is checked with the ServingRuntime KServe would run it on: the named
// one, else the one that auto-selects its format (ties are reported, not guessed), its
// container merged with the model's (args appended, resources over, placeholders filled),
// and the model from an hf:// storageUri.
func TestKServeServingRuntimes(t *testing.T) {
	yes := true
	prio := func(p int32) *int32 { return &p }
	vllmRuntime := func(name string, cluster bool, priority *int32) ServingRuntime {
		return ServingRuntime{Name: name, Cluster: cluster, Spec: servingRuntimeSpec{
			Formats:      []supportedFormat{{Name: "vLLM", AutoSelect: &yes, Priority: priority}},
			NodeSelector: map[string]string{LabelProduct: h100},
			Containers: []corev1.Container{{Name: "kserve-container", Image: "vllm/vllm-openai:v0.11.0",
				Command: []string{"python3", "-m", "vllm.entrypoints.openai.api_server"},
				Args:    []string{"--port=8080", "--model=/mnt/models", "--served-model-name={{.Name}}"}}}}}
	}
	sklearn := ServingRuntime{Name: "kserve-sklearnserver", Cluster: true, Spec: servingRuntimeSpec{
		Formats:    []supportedFormat{{Name: "sklearn", AutoSelect: &yes}},
		Containers: []corev1.Container{{Name: "kserve-container", Image: "kserve/sklearnserver:v0.15.0", Args: []string{"--model_name={{.Name}}"}}}}}
	isvc := func(model map[string]any) []byte {
		obj := map[string]any{"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService",
			"metadata": map[string]any{"name": "llama"}, "spec": map[string]any{"predictor": map[string]any{"model": model}}}
		return reviewMap(t, obj, "serving.kserve.io", "v1beta1", "InferenceService")
	}
	gpu1 := map[string]any{"limits": map[string]any{"nvidia.com/gpu": "1"}}
	model := func(runtime, uri string, args ...any) map[string]any {
		m := map[string]any{"modelFormat": map[string]any{"name": "vLLM"}, "storageUri": uri, "resources": gpu1, "args": args}
		if runtime != "" {
			m["runtime"] = runtime
		}
		return m
	}
	h := func(rs ...ServingRuntime) http.Handler { return handler(Policy{}, fakeCluster{runtimes: rs}) }
	const r70 = "hf://meta-llama/Llama-3.1-70B-Instruct"
	// named: the runtime's vLLM on one H100 (its nodeSelector), the model's args appended
	allowedOn(t, h(vllmRuntime("vllm-runtime", false, nil), sklearn), "named runtime, 70B bf16 on one H100",
		isvc(model("vllm-runtime", r70, "--max-model-len=8192")), false, "InferenceService llama", "llama-3.1-70b (bf16)", "on 1× h100-sxm")
	allowedOn(t, h(vllmRuntime("vllm-runtime", false, nil)), "… with -tp 4 and 4 GPUs",
		isvc(map[string]any{"modelFormat": map[string]any{"name": "vLLM"}, "runtime": "vllm-runtime", "storageUri": r70,
			"args":      []any{"--max-model-len=8192", "--tensor-parallel-size=4"},
			"resources": map[string]any{"limits": map[string]any{"nvidia.com/gpu": "4"}}}), true)
	allowedOn(t, h(vllmRuntime("vllm-runtime", false, nil)), "a runtime that does not exist",
		isvc(model("vllm-nope", r70)), true, `no ServingRuntime or ClusterServingRuntime named "vllm-nope"`)
	// auto-selected: the only runtime for the format; the higher priority; a tie is reported
	allowedOn(t, h(sklearn, vllmRuntime("vllm-cluster", true, nil)), "auto-selected cluster runtime",
		isvc(model("", r70, "--max-model-len=8192")), false, "does not fit")
	allowedOn(t, h(vllmRuntime("a", false, prio(1)), vllmRuntime("b", false, prio(2))), "the higher priority",
		isvc(model("", r70, "--max-model-len=8192")), false, "does not fit")
	allowedOn(t, h(vllmRuntime("a", false, nil), vllmRuntime("b", false, nil)), "two runtimes, same priority",
		isvc(model("", r70)), true, "ServingRuntimes a, b all auto-select", "set spec.predictor.model.runtime")
	// a runtime llmsize cannot read, on a GPU: said, not passed silently
	tgi := ServingRuntime{Name: "hf", Spec: servingRuntimeSpec{Formats: []supportedFormat{{Name: "vLLM", AutoSelect: &yes}},
		Containers: []corev1.Container{{Name: "kserve-container", Image: "kserve/huggingfaceserver:v0.15.0",
			Command: []string{"python", "-m", "huggingfaceserver"}, Args: []string{"--model_name={{.Name}}"}}}}}
	allowedOn(t, h(tgi), "huggingfaceserver, a model from s3", isvc(model("hf", "s3://models/llama-70b")), true,
		"python -m huggingfaceserver --model_name=llama", "is not an engine llmsize reads")
	// placeholders filled from the InferenceService
	r := vllmRuntime("x", false, nil)
	spec, err := mergeRuntime(&r, &kserveModel{Container: corev1.Container{Args: []string{"--max-model-len=8192"}}},
		metav1.ObjectMeta{Name: "llama"}, corev1.PodSpec{})
	if err != nil || strings.Join(spec.Containers[0].Args, " ") != "--port=8080 --model=/mnt/models --served-model-name=llama --max-model-len=8192" {
		t.Errorf("merged args: %v %v", spec, err)
	}
}
