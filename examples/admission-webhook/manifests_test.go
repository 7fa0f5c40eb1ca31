package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// 6. Deployment hygiene, read from the manifests operators apply: a kustomize base whose
// every resource exists, cert-manager's certificate with CA injection, a NetworkPolicy,
// spread replicas, a pinned image, the memory limit the load test measures against, a
// ServiceMonitor and a .dockerignore.
func TestManifests(t *testing.T) {
	docs := map[string][]map[string]any{} // kind -> objects
	read := func(file string) {
		raw, err := os.ReadFile(filepath.Join("deploy", file))
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range strings.Split(string(raw), "\n---\n") {
			var obj map[string]any
			if err := yaml.Unmarshal([]byte(doc), &obj); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if k, _ := obj["kind"].(string); k != "" {
				docs[k] = append(docs[k], obj)
			}
		}
	}
	read("kustomization.yaml")
	kust := docs["Kustomization"]
	if len(kust) != 1 {
		t.Fatalf("deploy/kustomization.yaml: %d Kustomizations", len(kust))
	}
	for _, r := range kust[0]["resources"].([]any) {
		read(r.(string))
	}
	read("servicemonitor.yaml")
	for _, kind := range []string{"Namespace", "ServiceAccount", "ClusterRole", "Deployment", "Service", "PodDisruptionBudget",
		"NetworkPolicy", "Certificate", "Issuer", "ValidatingWebhookConfiguration", "ServiceMonitor"} {
		if len(docs[kind]) == 0 {
			t.Errorf("no %s in the manifests", kind)
		}
	}
	if !strings.Contains(mustReadT(t, "deploy/kustomization.yaml"), "cert-manager.io/inject-ca-from") {
		t.Error("the kustomize base does not inject cert-manager's CA into the webhook configuration")
	}
	dep := mustReadT(t, "deploy/deployment.yaml")
	for _, want := range []string{"podAntiAffinity", "topologySpreadConstraints", "limits: {memory: 128Mi}", "readinessProbe"} {
		if !strings.Contains(dep, want) {
			t.Errorf("deploy/deployment.yaml: no %s", want)
		}
	}
	for _, line := range strings.Split(dep, "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "image:" {
			if img := f[1]; !strings.Contains(img, ":") || strings.HasSuffix(img, ":latest") {
				t.Errorf("image %q is not pinned to a version", img)
			}
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", ".dockerignore")); err != nil {
		t.Errorf("no .dockerignore beside the Docker build context: %v", err)
	}
}

func mustReadT(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
