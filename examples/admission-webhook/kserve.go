package main

// KServe: an InferenceService whose predictor names a `model` runs the container of a
// ServingRuntime (or ClusterServingRuntime). The webhook reads the runtime as KServe's
// controller does — the one named by spec.predictor.model.runtime, else the one that
// auto-selects the model's format — and merges the model's container into it: the model's
// args after the runtime's, its env, resources, image and command over the runtime's, and
// {{.Name}}-style placeholders filled from the InferenceService's metadata.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	texttemplate "text/template"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// ServingRuntime is what the webhook reads of a serving.kserve.io/v1alpha1 ServingRuntime
// or ClusterServingRuntime.
type ServingRuntime struct {
	Name    string
	Cluster bool // a ClusterServingRuntime
	Spec    servingRuntimeSpec
}

type servingRuntimeSpec struct {
	Disabled     *bool               `json:"disabled"`
	Formats      []supportedFormat   `json:"supportedModelFormats"`
	Containers   []corev1.Container  `json:"containers"`
	NodeSelector map[string]string   `json:"nodeSelector"`
	Affinity     *corev1.Affinity    `json:"affinity"`
	Tolerations  []corev1.Toleration `json:"tolerations"`
}

type supportedFormat struct {
	Name       string `json:"name"`
	Version    string `json:"version"`
	AutoSelect *bool  `json:"autoSelect"`
	Priority   *int32 `json:"priority"`
}

// kserveModel is an InferenceService's spec.predictor.model: a container the runtime's is
// merged with, the model's format and, optionally, the runtime's name.
type kserveModel struct {
	corev1.Container `json:",inline"`
	ModelFormat      struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"modelFormat"`
	Runtime    string `json:"runtime"`
	StorageURI string `json:"storageUri"` // hf://org/name: the model the runtime loads from /mnt/models
}

// runtimeFor picks the runtime KServe would use: the named one (a ServingRuntime in the
// namespace before a ClusterServingRuntime), else among enabled runtimes that auto-select
// the model's format, the highest priority. Several equally good candidates are an error
// naming them: KServe's choice among them is not one an operator should have to guess.
func runtimeFor(m *kserveModel, runtimes []ServingRuntime) (*ServingRuntime, error) {
	if m.Runtime != "" {
		var cluster *ServingRuntime
		for i := range runtimes {
			if r := &runtimes[i]; r.Name == m.Runtime {
				if !r.Cluster {
					return r, nil
				}
				cluster = r
			}
		}
		if cluster == nil {
			return nil, fmt.Errorf("no ServingRuntime or ClusterServingRuntime named %q", m.Runtime)
		}
		return cluster, nil
	}
	type candidate struct {
		r        *ServingRuntime
		priority int32
	}
	var cands []candidate
	for i := range runtimes {
		r := &runtimes[i]
		if r.Spec.Disabled != nil && *r.Spec.Disabled {
			continue
		}
		for _, f := range r.Spec.Formats {
			if strings.EqualFold(f.Name, m.ModelFormat.Name) && (m.ModelFormat.Version == "" || f.Version == "" ||
				f.Version == m.ModelFormat.Version) && f.AutoSelect != nil && *f.AutoSelect {
				p := int32(0)
				if f.Priority != nil {
					p = *f.Priority
				}
				cands = append(cands, candidate{r, p})
				break
			}
		}
	}
	if len(cands) == 0 {
		return nil, fmt.Errorf("no ServingRuntime auto-selects model format %q", m.ModelFormat.Name)
	}
	// the highest priority; at equal priority a namespace's runtime before a cluster's
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].priority != cands[j].priority {
			return cands[i].priority > cands[j].priority
		}
		return !cands[i].r.Cluster && cands[j].r.Cluster
	})
	if len(cands) > 1 && cands[1].priority == cands[0].priority && cands[1].r.Cluster == cands[0].r.Cluster {
		var names []string
		for _, c := range cands {
			if c.priority == cands[0].priority && c.r.Cluster == cands[0].r.Cluster {
				names = append(names, c.r.Name)
			}
		}
		return nil, fmt.Errorf("ServingRuntimes %s all auto-select model format %q at priority %d (set spec.predictor.model.runtime)",
			strings.Join(names, ", "), m.ModelFormat.Name, cands[0].priority)
	}
	return cands[0].r, nil
}

// mergeRuntime is the predictor's pod spec as KServe builds it: the runtime's serving
// container ("kserve-container", else its first) with the model's container over it, and
// the runtime's node placement under the predictor's.
func mergeRuntime(r *ServingRuntime, m *kserveModel, isvc metav1.ObjectMeta, predictor corev1.PodSpec) (*corev1.PodSpec, error) {
	if len(r.Spec.Containers) == 0 {
		return nil, fmt.Errorf("ServingRuntime %s has no containers", r.Name)
	}
	c := r.Spec.Containers[0]
	for _, rc := range r.Spec.Containers {
		if rc.Name == "kserve-container" {
			c = rc
		}
	}
	c = *c.DeepCopy()
	if m.Image != "" {
		c.Image = m.Image
	}
	if len(m.Command) > 0 {
		c.Command = m.Command
	}
	c.Args = append(append([]string{}, c.Args...), m.Args...)
	for _, e := range m.Env { // by name, the model's over the runtime's
		replaced := false
		for i := range c.Env {
			if c.Env[i].Name == e.Name {
				c.Env[i], replaced = e, true
			}
		}
		if !replaced {
			c.Env = append(c.Env, e)
		}
	}
	for _, l := range []*corev1.ResourceList{&c.Resources.Limits, &c.Resources.Requests} {
		if *l == nil {
			*l = corev1.ResourceList{}
		}
	}
	for k, v := range m.Resources.Limits {
		c.Resources.Limits[k] = v
	}
	for k, v := range m.Resources.Requests {
		c.Resources.Requests[k] = v
	}
	if err := fillPlaceholders(&c, isvc); err != nil {
		return nil, fmt.Errorf("ServingRuntime %s: %v", r.Name, err)
	}
	spec := predictor
	spec.Containers = []corev1.Container{c}
	sel := map[string]string{}
	for k, v := range r.Spec.NodeSelector {
		sel[k] = v
	}
	for k, v := range predictor.NodeSelector {
		sel[k] = v
	}
	if len(sel) > 0 {
		spec.NodeSelector = sel
	}
	if spec.Affinity == nil {
		spec.Affinity = r.Spec.Affinity
	}
	return &spec, nil
}

// fillPlaceholders fills a runtime container's {{.Name}}, {{.Namespace}},
// {{index .Annotations "k"}} … from the InferenceService's metadata, as KServe does.
func fillPlaceholders(c *corev1.Container, meta metav1.ObjectMeta) error {
	raw, err := json.Marshal(c)
	if err != nil || !bytes.Contains(raw, []byte("{{")) {
		return err
	}
	t, err := texttemplate.New("container").Option("missingkey=zero").Parse(string(raw))
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := t.Execute(&out, meta); err != nil {
		return err
	}
	return json.Unmarshal(out.Bytes(), c)
}

// readRuntime replaces a KServe model's container with the one its ServingRuntime runs;
// the reason when it cannot.
func (rv *Reviewer) readRuntime(ctx context.Context, ns string, w *workload) string {
	if rv.Cluster == nil {
		return "the webhook runs without API server access"
	}
	runtimes, err := rv.Cluster.ServingRuntimes(ctx, ns)
	if err != nil {
		return err.Error()
	}
	r, err := runtimeFor(w.model, runtimes)
	if err != nil {
		return err.Error()
	}
	predictor := *w.spec
	predictor.Containers = nil
	spec, err := mergeRuntime(r, w.model, w.meta, predictor)
	if err != nil {
		return err.Error()
	}
	w.spec = spec
	if repo, ok := strings.CutPrefix(w.model.StorageURI, "hf://"); ok && w.annotations[AnnModel] == "" {
		w.annotations[AnnModel] = repo // KServe downloads it to /mnt/models, the path the runtime's args name
	}
	return ""
}
