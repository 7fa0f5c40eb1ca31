//go:build e2e

package main

// End-to-end: a real etcd and kube-apiserver, the webhook binary registered with a
// ValidatingWebhookConfiguration, and Deployments created through the API server.
// `make e2e` builds kube-apiserver (e2e/apiserver) and the webhook and runs this with
//   ETCD=/usr/bin/etcd KUBE_APISERVER=... LLMSIZE_WEBHOOK=... go test -tags e2e -run E2E

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sigs.k8s.io/yaml"
)

const adminToken = "e2e-admin-token"
const webhookToken = "e2e-webhook-token"

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func need(t *testing.T, env string) string {
	p := os.Getenv(env)
	if p == "" {
		t.Fatalf("%s is not set (run `make e2e`)", env)
	}
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("%s=%s: %v", env, p, err)
	}
	return p
}

func start(t *testing.T, dir, name, bin string, args ...string) {
	logf, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
		}
		logf.Close()
		if t.Failed() {
			b, _ := os.ReadFile(logf.Name())
			if len(b) > 4000 {
				b = b[len(b)-4000:]
			}
			t.Logf("--- %s log (tail) ---\n%s", name, b)
		}
	})
}

// writeCerts makes a CA and a serving certificate for 127.0.0.1 (the webhook), and an RSA
// key for the API server's service-account tokens.
func writeCerts(t *testing.T, dir string) (caPEM []byte) {
	caKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "llmsize-e2e-ca"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour), IsCA: true,
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	key, _ := rsa.GenerateKey(rand.Reader, 2048)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER})
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("tls.crt", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}))
	write("tls.key", pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}))
	saKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	write("sa.key", pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(saKey)}))
	pub, _ := x509.MarshalPKIXPublicKey(&saKey.PublicKey)
	write("sa.pub", pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pub}))
	// static tokens: an admin, and the webhook's service account (bound by deploy/rbac.yaml)
	write("tokens.csv", []byte(adminToken+",admin,1,system:masters\n"+
		webhookToken+",system:serviceaccount:llmsize-system:llmsize-webhook,2,system:serviceaccounts\n"))
	write("webhook.token", []byte(webhookToken))
	return caPEM
}

type api struct {
	base string
	c    *http.Client
}

// do sends a request as the admin and returns the status, body and Warning headers.
func (a api) do(t *testing.T, method, path string, body any) (int, []byte, []string) {
	ct := "application/json"
	if method == http.MethodPatch {
		ct = "application/merge-patch+json"
	}
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, a.base+path, r)
	req.Header.Set("Authorization", "Bearer "+adminToken)
	req.Header.Set("Content-Type", ct)
	resp, err := a.c.Do(req)
	if err != nil {
		return 0, []byte(err.Error()), nil
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header.Values("Warning")
}

// applyYAML creates every document of a manifest file.
func (a api) applyYAML(t *testing.T, file string, fill map[string]string) {
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	for k, v := range fill {
		text = strings.ReplaceAll(text, k, v)
	}
	for _, doc := range strings.Split(text, "\n---\n") {
		var obj map[string]any
		if err := yaml.Unmarshal([]byte(doc), &obj); err != nil || obj == nil {
			t.Fatalf("%s: %v", file, err)
		}
		meta, _ := obj["metadata"].(map[string]any)
		ns, _ := meta["namespace"].(string)
		path := collection(obj["apiVersion"].(string), obj["kind"].(string), ns)
		if code, b, _ := a.do(t, http.MethodPost, path, obj); code != http.StatusCreated {
			t.Fatalf("create %s %v: HTTP %d %s", obj["kind"], meta["name"], code, b)
		}
	}
}

var plural = map[string]string{"Namespace": "namespaces", "ServiceAccount": "serviceaccounts", "ClusterRole": "clusterroles",
	"ClusterRoleBinding": "clusterrolebindings", "ValidatingWebhookConfiguration": "validatingwebhookconfigurations",
	"Deployment": "deployments", "Node": "nodes", "Pod": "pods"}

func collection(apiVersion, kind, ns string) string {
	prefix := "/apis/" + apiVersion
	if apiVersion == "v1" {
		prefix = "/api/v1"
	}
	if ns != "" {
		prefix += "/namespaces/" + ns
	}
	return prefix + "/" + plural[kind]
}

func deployment(name, image string, gpus int, product string, args ...string) map[string]any {
	spec := map[string]any{"containers": []any{map[string]any{"name": "server", "image": image, "args": args,
		"resources": map[string]any{"limits": map[string]any{"nvidia.com/gpu": fmt.Sprint(gpus)}}}}}
	if product != "" {
		spec["nodeSelector"] = map[string]any{"nvidia.com/gpu.product": product}
	}
	return map[string]any{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": map[string]any{"name": name},
		"spec": map[string]any{"selector": map[string]any{"matchLabels": map[string]any{"app": name}},
			"template": map[string]any{"metadata": map[string]any{"labels": map[string]any{"app": name}}, "spec": spec}}}
}

func TestE2EAPIServerRefusesWhatDoesNotFit(t *testing.T) {
	etcd, apiserver, webhook := need(t, "ETCD"), need(t, "KUBE_APISERVER"), need(t, "LLMSIZE_WEBHOOK")
	dir := t.TempDir()
	caPEM := writeCerts(t, dir)
	etcdPort, peerPort, apiPort, hookPort := freePort(t), freePort(t), freePort(t), freePort(t)

	start(t, dir, "etcd", etcd, "--data-dir", filepath.Join(dir, "etcd"), "--name", "e2e",
		"--listen-client-urls", fmt.Sprintf("http://127.0.0.1:%d", etcdPort),
		"--advertise-client-urls", fmt.Sprintf("http://127.0.0.1:%d", etcdPort),
		"--listen-peer-urls", fmt.Sprintf("http://127.0.0.1:%d", peerPort),
		"--initial-advertise-peer-urls", fmt.Sprintf("http://127.0.0.1:%d", peerPort),
		"--initial-cluster", fmt.Sprintf("e2e=http://127.0.0.1:%d", peerPort))
	start(t, dir, "kube-apiserver", apiserver,
		"--etcd-servers", fmt.Sprintf("http://127.0.0.1:%d", etcdPort),
		"--bind-address", "127.0.0.1", "--secure-port", fmt.Sprint(apiPort), "--advertise-address", "127.0.0.1",
		"--cert-dir", filepath.Join(dir, "apiserver-certs"),
		"--token-auth-file", filepath.Join(dir, "tokens.csv"), "--authorization-mode", "RBAC",
		"--service-account-issuer", "https://kubernetes.default.svc", "--service-account-key-file", filepath.Join(dir, "sa.pub"),
		"--service-account-signing-key-file", filepath.Join(dir, "sa.key"), "--service-cluster-ip-range", "10.0.0.0/24",
		"--disable-admission-plugins", "ServiceAccount", "--enable-priority-and-fairness=false")

	a := api{base: fmt.Sprintf("https://127.0.0.1:%d", apiPort), c: &http.Client{Timeout: 30 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}} // self-signed, loopback
	deadline := time.Now().Add(90 * time.Second)
	for {
		code, body, _ := a.do(t, http.MethodGet, "/readyz", nil)
		if code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("kube-apiserver not ready: %d %s", code, body)
		}
		time.Sleep(500 * time.Millisecond)
	}
	_, ver, _ := a.do(t, http.MethodGet, "/version", nil)
	t.Logf("kube-apiserver ready: %s", bytes.Join(bytes.Fields(ver), []byte(" ")))

	// The webhook's own namespace, service account and least-privilege RBAC, from deploy/.
	a.applyYAML(t, "deploy/namespace.yaml", nil)
	a.applyYAML(t, "deploy/rbac.yaml", nil)
	os.WriteFile(filepath.Join(dir, "apiserver-ca.crt"), mustRead(t, filepath.Join(dir, "apiserver-certs", "apiserver.crt")), 0o600)
	start(t, dir, "webhook", webhook, "-addr", fmt.Sprintf("127.0.0.1:%d", hookPort),
		"-tls-cert", filepath.Join(dir, "tls.crt"), "-tls-key", filepath.Join(dir, "tls.key"),
		"-apiserver", a.base, "-token-file", filepath.Join(dir, "webhook.token"),
		"-ca-file", filepath.Join(dir, "apiserver-ca.crt"), "-cache-ttl", "1s")

	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(caPEM)
	hook := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		resp, err := hook.Get(fmt.Sprintf("https://127.0.0.1:%d/readyz", hookPort))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("webhook not ready: %v", err)
		}
	}

	// A namespace, and a workload created before the webhook existed that it would now deny,
	// with a finalizer (as operators add them), to update and delete later.
	code, body, _ := a.do(t, http.MethodPost, "/api/v1/namespaces", map[string]any{"apiVersion": "v1", "kind": "Namespace",
		"metadata": map[string]any{"name": "inference", "annotations": map[string]any{"llmsize.dev/use": "commercial,mau=1000000"}}})
	if code != http.StatusCreated {
		t.Fatalf("namespace: %d %s", code, body)
	}
	deps := "/apis/apps/v1/namespaces/inference/deployments"
	const h100 = "NVIDIA-H100-80GB-HBM3"
	legacy := deployment("legacy-70b", "vllm/vllm-openai:v0.11.0", 1, h100,
		"--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192")
	legacy["metadata"].(map[string]any)["finalizers"] = []any{"example.com/keep"}
	if code, body, _ := a.do(t, http.MethodPost, deps, legacy); code != http.StatusCreated {
		t.Fatalf("legacy deployment: %d %s", code, body)
	}

	// Register it: deploy/webhook.yaml with a URL instead of the in-cluster Service, and
	// failurePolicy Fail so a broken webhook fails the test rather than admitting.
	manifest := string(mustRead(t, "deploy/webhook.yaml"))
	manifest = strings.Replace(manifest, "      service:\n        name: llmsize-webhook\n        namespace: llmsize-system\n        path: /validate\n",
		fmt.Sprintf("      url: https://127.0.0.1:%d/validate\n", hookPort), 1)
	manifest = strings.Replace(manifest, "failurePolicy: Ignore", "failurePolicy: Fail", 1)
	os.WriteFile(filepath.Join(dir, "webhook.yaml"), []byte(manifest), 0o600)
	a.applyYAML(t, filepath.Join(dir, "webhook.yaml"), map[string]string{"CA_BUNDLE": base64.StdEncoding.EncodeToString(caPEM)})

	// 1. Llama-3.1-70B in BF16 with vLLM on one H100 80GB: refused, with our message. The
	// webhook configuration takes a moment to reach the API server's admission chain.
	tooBig := deployment("llama-70b", "vllm/vllm-openai:v0.11.0", 1, h100,
		"--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192")
	deadline = time.Now().Add(30 * time.Second)
	for {
		code, body, _ = a.do(t, http.MethodPost, deps, tooBig)
		if code != http.StatusCreated || time.Now().After(deadline) {
			break
		}
		a.do(t, http.MethodDelete, deps+"/llama-70b", nil) // admitted before the webhook was live
		time.Sleep(time.Second)
	}
	var status struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	}
	_ = json.Unmarshal(body, &status)
	if code != http.StatusForbidden || !strings.Contains(status.Message, "admission webhook \"fit.llmsize.dev\" denied the request") ||
		!strings.Contains(status.Message, "llama-3.1-70b (bf16) with vllm on 1× h100-sxm") || !strings.Contains(status.Message, "short by") {
		t.Fatalf("70B bf16 on one H100: HTTP %d %s", code, body)
	}
	t.Logf("API server refused llama-70b: HTTP %d\n%s", code, status.Message)
	if out := os.Getenv("E2E_OUT"); out != "" {
		os.WriteFile(filepath.Join(out, "denial.txt"), []byte(status.Message+"\n"), 0o644)
	}

	// 2. The same model on four H100s with tensor parallelism: admitted, with the licence's
	// obligations (namespace declares commercial use) as warnings.
	fits := deployment("llama-70b-tp4", "vllm/vllm-openai:v0.11.0", 4, h100,
		"--model", "meta-llama/Llama-3.1-70B-Instruct", "--tensor-parallel-size", "4", "--max-model-len", "32768")
	code, body, warnings := a.do(t, http.MethodPost, deps, fits)
	if code != http.StatusCreated {
		t.Fatalf("70B on 4 H100s: HTTP %d %s", code, body)
	}
	if !strings.Contains(strings.Join(warnings, "\n"), "Built with Llama") {
		t.Errorf("no licence obligation among the warnings: %q", warnings)
	}
	t.Logf("admitted llama-70b-tp4 with %d warnings, e.g. %q", len(warnings), first(warnings))

	// 3. Unpinned: the webhook lists GPU nodes with its own least-privilege token. With only
	// L4 nodes Qwen3-32B in BF16 cannot fit; once an H100 node joins, it can.
	node := func(name, product string) map[string]any {
		return map[string]any{"apiVersion": "v1", "kind": "Node", "metadata": map[string]any{"name": name,
			"labels": map[string]any{"nvidia.com/gpu.product": product, "nvidia.com/gpu.count": "8"}}}
	}
	if code, body, _ := a.do(t, http.MethodPost, "/api/v1/nodes", node("gpu-l4-0", "NVIDIA-L4")); code != http.StatusCreated {
		t.Fatalf("node: %d %s", code, body)
	}
	time.Sleep(1100 * time.Millisecond) // the webhook's node cache TTL
	unpinned := deployment("qwen-32b", "vllm/vllm-openai:v0.11.0", 1, "", "--model", "Qwen/Qwen3-32B", "--max-model-len", "8192")
	if code, body, _ := a.do(t, http.MethodPost, deps, unpinned); code != http.StatusForbidden || !bytes.Contains(body, []byte("on 1× l4")) {
		t.Fatalf("qwen3-32b with only L4 nodes: HTTP %d %s", code, body)
	}
	a.do(t, http.MethodPost, "/api/v1/nodes", node("gpu-h100-0", h100))
	time.Sleep(1100 * time.Millisecond)
	if code, body, _ := a.do(t, http.MethodPost, deps, unpinned); code != http.StatusCreated {
		t.Fatalf("qwen3-32b once an H100 node exists: HTTP %d %s", code, body)
	}

	// 4. A workload that is not an LLM server is none of the webhook's business.
	web := deployment("web", "nginx:1.27", 0, "")
	if code, body, _ := a.do(t, http.MethodPost, deps, web); code != http.StatusCreated {
		t.Fatalf("nginx: HTTP %d %s", code, body)
	}

	e2eUpdates(t, a, deps)
	e2eWorkloadKinds(t, a, h100)
	e2eMIGNode(t, a, deps)
	e2eUnreachableAPIServer(t, a, dir, webhook, caPEM, deps)
}

// expect sends one request and checks its status and that the body (or the warnings) say what.
func (a api) expect(t *testing.T, what, method, path string, body any, want int, says ...string) {
	t.Helper()
	code, b, warnings := a.do(t, method, path, body)
	text := string(b) + "\n" + strings.Join(warnings, "\n")
	if code != want {
		t.Errorf("%s: HTTP %d, want %d: %s", what, code, want, text)
		return
	}
	for _, s := range says {
		if !strings.Contains(text, s) {
			t.Errorf("%s: %q not in %s", what, s, text)
		}
	}
}

// 5. Updates of a workload created before the webhook, which it would now deny: labels,
// annotations and scaling pass; a change to what the engine loads is judged; a deletion
// with a finalizer completes when the finalizer is removed.
func e2eUpdates(t *testing.T, a api, deps string) {
	obj := deps + "/legacy-70b"
	a.expect(t, "kubectl label", http.MethodPatch, obj, map[string]any{"metadata": map[string]any{"labels": map[string]any{"team": "ml"}}}, http.StatusOK)
	a.expect(t, "kubectl annotate", http.MethodPatch, obj, map[string]any{"metadata": map[string]any{"annotations": map[string]any{"owner": "ml"}}}, http.StatusOK)
	a.expect(t, "scale to 0", http.MethodPatch, obj, map[string]any{"spec": map[string]any{"replicas": 0}}, http.StatusOK)
	a.expect(t, "a longer context", http.MethodPatch, obj, map[string]any{"spec": map[string]any{"template": map[string]any{"spec": map[string]any{
		"containers": []any{map[string]any{"name": "server", "image": "vllm/vllm-openai:v0.11.0",
			"args":      []any{"--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "16384"},
			"resources": map[string]any{"limits": map[string]any{"nvidia.com/gpu": "1"}}}}}}}},
		http.StatusForbidden, "does not fit")
	a.expect(t, "kubectl delete (a finalizer holds it)", http.MethodDelete, obj, nil, http.StatusOK)
	a.expect(t, "the finalizer removed", http.MethodPatch, obj, map[string]any{"metadata": map[string]any{"finalizers": nil}}, http.StatusOK)
	a.expect(t, "then it is gone", http.MethodGet, obj, nil, http.StatusNotFound)
}

// 6. Every serving workload kind: a CronJob, a bash -c script, and a LeaderWorkerSet and an
// InferenceService through their CustomResourceDefinitions.
func e2eWorkloadKinds(t *testing.T, a api, h100 string) {
	pod := func(command []any, args []any, gpus int, product string) map[string]any {
		c := map[string]any{"name": "server", "image": "vllm/vllm-openai:v0.11.0", "args": args,
			"resources": map[string]any{"limits": map[string]any{"nvidia.com/gpu": fmt.Sprint(gpus)}}}
		if command != nil {
			c["command"] = command
		}
		return map[string]any{"nodeSelector": map[string]any{"nvidia.com/gpu.product": product}, "restartPolicy": "Never",
			"containers": []any{c}}
	}
	cron := map[string]any{"apiVersion": "batch/v1", "kind": "CronJob", "metadata": map[string]any{"name": "nightly-eval"},
		"spec": map[string]any{"schedule": "0 2 * * *", "jobTemplate": map[string]any{"spec": map[string]any{"template": map[string]any{
			"spec": pod(nil, []any{"--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192"}, 1, h100)}}}}}
	a.expect(t, "CronJob", http.MethodPost, "/apis/batch/v1/namespaces/inference/cronjobs", cron, http.StatusForbidden, "CronJob nightly-eval", "does not fit")
	script := deployment("scripted", "vllm/vllm-openai:v0.11.0", 1, "Tesla-T4")
	spec := script["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)
	spec["containers"] = pod([]any{"bash", "-c"}, []any{"pip install -q hf_transfer && exec vllm serve meta-llama/Llama-3.1-405B-Instruct --max-model-len 8192"}, 1, "Tesla-T4")["containers"]
	a.expect(t, "bash -c script", http.MethodPost, "/apis/apps/v1/namespaces/inference/deployments", script, http.StatusForbidden, "llama-3.1-405b", "does not fit")

	crd := func(group, version, kind, plural string) map[string]any {
		return map[string]any{"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
			"metadata": map[string]any{"name": plural + "." + group},
			"spec": map[string]any{"group": group, "scope": "Namespaced",
				"names": map[string]any{"kind": kind, "plural": plural, "singular": strings.ToLower(kind)},
				"versions": []any{map[string]any{"name": version, "served": true, "storage": true, "schema": map[string]any{
					"openAPIV3Schema": map[string]any{"type": "object", "x-kubernetes-preserve-unknown-fields": true}}}}}}
	}
	a.expect(t, "LWS CRD", http.MethodPost, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
		crd("leaderworkerset.x-k8s.io", "v1", "LeaderWorkerSet", "leaderworkersets"), http.StatusCreated)
	a.expect(t, "KServe CRD", http.MethodPost, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
		crd("serving.kserve.io", "v1beta1", "InferenceService", "inferenceservices"), http.StatusCreated)
	lws := func(name string, size int) map[string]any {
		leader := pod([]any{"sh", "-c"}, []any{"ray start --head --port=6379 && vllm serve meta-llama/Llama-3.1-405B-Instruct -tp 8 -pp 2 --max-model-len 8192"}, 8, h100)
		worker := pod([]any{"sh", "-c"}, []any{"ray start --address=$(LWS_LEADER_ADDRESS):6379 --block"}, 8, h100)
		return map[string]any{"apiVersion": "leaderworkerset.x-k8s.io/v1", "kind": "LeaderWorkerSet", "metadata": map[string]any{"name": name},
			"spec": map[string]any{"leaderWorkerTemplate": map[string]any{"size": size,
				"leaderTemplate": map[string]any{"spec": leader}, "workerTemplate": map[string]any{"spec": worker}}}}
	}
	lwsPath := "/apis/leaderworkerset.x-k8s.io/v1/namespaces/inference/leaderworkersets"
	isvcPath := "/apis/serving.kserve.io/v1beta1/namespaces/inference/inferenceservices"
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(500 * time.Millisecond) { // until the CRDs are served
		c1, _, _ := a.do(t, http.MethodGet, lwsPath, nil)
		c2, _, _ := a.do(t, http.MethodGet, isvcPath, nil)
		if c1 == http.StatusOK && c2 == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("CRDs not served: %d %d", c1, c2)
		}
	}
	a.expect(t, "LWS: 405B over 2 nodes of 8 H100s", http.MethodPost, lwsPath, lws("llama-405b", 2), http.StatusCreated)
	a.expect(t, "LWS: the same on one node", http.MethodPost, lwsPath, lws("llama-405b-one", 1), http.StatusForbidden, "asks for 16 GPUs")
	isvc := map[string]any{"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "metadata": map[string]any{"name": "llama"},
		"spec": map[string]any{"predictor": pod(nil, []any{"--model", "meta-llama/Llama-3.1-70B-Instruct", "--max-model-len", "8192"}, 1, h100)}}
	a.expect(t, "InferenceService", http.MethodPost, isvcPath, isvc, http.StatusForbidden, "InferenceService llama", "does not fit")

	// a model served by a ServingRuntime: the webhook reads the runtime with its own token
	a.expect(t, "ServingRuntime CRD", http.MethodPost, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
		crd("serving.kserve.io", "v1alpha1", "ServingRuntime", "servingruntimes"), http.StatusCreated)
	srPath := "/apis/serving.kserve.io/v1alpha1/namespaces/inference/servingruntimes"
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(500 * time.Millisecond) {
		if c, _, _ := a.do(t, http.MethodGet, srPath, nil); c == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("ServingRuntime CRD not served")
		}
	}
	runtime := map[string]any{"apiVersion": "serving.kserve.io/v1alpha1", "kind": "ServingRuntime", "metadata": map[string]any{"name": "vllm-runtime"},
		"spec": map[string]any{"supportedModelFormats": []any{map[string]any{"name": "vLLM", "autoSelect": true}},
			"nodeSelector": map[string]any{"nvidia.com/gpu.product": h100},
			"containers": []any{map[string]any{"name": "kserve-container", "image": "vllm/vllm-openai:v0.11.0",
				"command": []any{"python3", "-m", "vllm.entrypoints.openai.api_server"},
				"args":    []any{"--port=8080", "--model=/mnt/models", "--served-model-name={{.Name}}"}}}}}
	a.expect(t, "ServingRuntime", http.MethodPost, srPath, runtime, http.StatusCreated)
	time.Sleep(1100 * time.Millisecond) // the webhook's cache TTL
	model := map[string]any{"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "metadata": map[string]any{"name": "llama-model"},
		"spec": map[string]any{"predictor": map[string]any{"model": map[string]any{"modelFormat": map[string]any{"name": "vLLM"},
			"storageUri": "hf://meta-llama/Llama-3.1-70B-Instruct", "args": []any{"--max-model-len=8192"},
			"resources": map[string]any{"limits": map[string]any{"nvidia.com/gpu": "1"}}}}}}
	a.expect(t, "InferenceService on a ServingRuntime", http.MethodPost, isvcPath, model, http.StatusForbidden,
		"InferenceService llama-model", "llama-3.1-70b (bf16) with vllm on 1× h100-sxm")
}

// 7. A MIG node as GPU Feature Discovery labels it (mixed strategy): a container asking for a
// 1g.5gb slice is sized by the slice's labelled memory.
func e2eMIGNode(t *testing.T, a api, deps string) {
	node := map[string]any{"apiVersion": "v1", "kind": "Node", "metadata": map[string]any{"name": "gpu-a100-mig-0",
		"labels": map[string]any{"nvidia.com/gpu.product": "NVIDIA-A100-SXM4-40GB", "nvidia.com/gpu.count": "1",
			"nvidia.com/gpu.memory": "40960", "nvidia.com/mig.strategy": "mixed",
			"nvidia.com/mig-1g.5gb.count": "7", "nvidia.com/mig-1g.5gb.memory": "4864"}}}
	a.expect(t, "MIG node", http.MethodPost, "/api/v1/nodes", node, http.StatusCreated)
	time.Sleep(1100 * time.Millisecond) // the node cache TTL
	d := deployment("qwen-4b-mig", "vllm/vllm-openai:v0.11.0", 0, "", "--model", "Qwen/Qwen3-4B", "--max-model-len", "8192")
	c := d["spec"].(map[string]any)["template"].(map[string]any)["spec"].(map[string]any)["containers"].([]any)[0].(map[string]any)
	c["resources"] = map[string]any{"limits": map[string]any{"nvidia.com/mig-1g.5gb": "1"}}
	a.expect(t, "Qwen3-4B on a 1g.5gb slice", http.MethodPost, deps, d, http.StatusForbidden, "MIG 1g.5gb", "4.8 GiB each")
}

// 8. With the API server unreachable from the webhook (a second instance pointed at a closed
// port, registered in place of the first), an unpinned workload is admitted at once with a
// warning saying it was not checked, and the licence check says it could not run.
func e2eUnreachableAPIServer(t *testing.T, a api, dir, webhook string, caPEM []byte, deps string) {
	port := freePort(t)
	start(t, dir, "webhook-cut-off", webhook, "-addr", fmt.Sprintf("127.0.0.1:%d", port),
		"-tls-cert", filepath.Join(dir, "tls.crt"), "-tls-key", filepath.Join(dir, "tls.key"),
		"-apiserver", fmt.Sprintf("https://127.0.0.1:%d", freePort(t)), "-token-file", filepath.Join(dir, "webhook.token"),
		"-ca-file", filepath.Join(dir, "apiserver-ca.crt"))
	path := "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/llmsize.dev"
	code, body, _ := a.do(t, http.MethodGet, path, nil)
	if code != http.StatusOK {
		t.Fatalf("webhook configuration: %d %s", code, body)
	}
	var cfg map[string]any
	_ = json.Unmarshal(body, &cfg)
	hooks := cfg["webhooks"].([]any)
	hooks[0].(map[string]any)["clientConfig"].(map[string]any)["url"] = fmt.Sprintf("https://127.0.0.1:%d/validate", port)
	a.expect(t, "re-point the webhook", http.MethodPut, path, cfg, http.StatusOK)
	time.Sleep(2 * time.Second) // the configuration reaches the admission chain
	d := deployment("qwen-8b-cut-off", "vllm/vllm-openai:v0.11.0", 1, "", "--model", "Qwen/Qwen3-8B", "--max-model-len", "8192")
	t0 := time.Now()
	a.expect(t, "unpinned, API server unreachable", http.MethodPost, deps, d, http.StatusCreated, "cannot list GPU nodes", "not checked",
		"licence not checked")
	if el := time.Since(t0); el > 5*time.Second {
		t.Errorf("the request took %v (the webhook's timeout is 5 s)", el)
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
