package main

// The admission decision: find the serving containers in a workload, build each one's plan
// from its command line (plus llmsize.dev/* annotations), find the GPUs it will get, and
// ask the llmsize library whether it fits. Every number comes from the library; this file
// only gathers inputs and words the answer.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	llmsize "github.com/llmsize/llmsize/bindings/go"
	admissionv1 "k8s.io/api/admission/v1"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Annotations a workload (or its pod template) may carry to fill in what its args don't say.
const (
	AnnModel   = "llmsize.dev/model"   // id or Hugging Face repo (Ollama pulls at run time)
	AnnFormat  = "llmsize.dev/format"  // weight format: bf16, fp8, awq, Q4_K_M, …
	AnnContext = "llmsize.dev/context" // tokens per sequence
	AnnSeqs    = "llmsize.dev/seqs"    // concurrent sequences
	AnnUsers   = "llmsize.dev/users"   // the old spelling of llmsize.dev/seqs, still read
	AnnEngine  = "llmsize.dev/engine"  // vllm, sglang, llamacpp, ollama, trtllm
	// AnnEngineVersion is the engine release the container runs ("0.11.0", "b6550"); without
	// it, the version in the image tag (vllm/vllm-openai:v0.11.0), else the current release.
	AnnEngineVersion = "llmsize.dev/engine-version"
	AnnUse           = "llmsize.dev/use"  // on the Namespace: commercial,eu,multimodal,mau=N,revenue=USD/month,…
	AnnSkip          = "llmsize.dev/skip" // "true": not checked (an operator's escape hatch)

)

// Policy is what the operator configured.
type Policy struct {
	DenyUnknownModels bool // deny a serving container whose model llmsize cannot size (default: admit, warn)
	DenyLicense       bool // deny when the namespace's declared use is not allowed by the licence
	// AllowCPUOffload admits a container that Ollama (or llama.cpp --fit) would start with
	// layers on the CPU, with a warning; by default it is denied, the message saying so.
	AllowCPUOffload bool
}

// Cluster is what the webhook reads from the API server: GPU nodes and namespace annotations.
type Cluster interface {
	GPUNodes(ctx context.Context) ([]GPUNode, error)
	NamespaceAnnotations(ctx context.Context, name string) (map[string]string, error)
	// ServingRuntimes lists a namespace's KServe ServingRuntimes and the ClusterServingRuntimes.
	ServingRuntimes(ctx context.Context, namespace string) ([]ServingRuntime, error)
}

// Decision is the outcome for one AdmissionRequest.
type Decision struct {
	Allowed  bool
	Message  string // why not (denials)
	Warnings []string
}

// workload is the part of an object the webhook reads.
type workload struct {
	kind        string
	name        string
	annotations map[string]string // object's, then its pod template's (template wins)
	spec        *corev1.PodSpec
	deleting    bool              // deletionTimestamp set: only finalizers are being removed
	groupGPUs   int               // GPUs of the pods that serve with it (a LeaderWorkerSet's workers)
	controller  string            // the built-in workload that owns it ("" if none): checked there
	model       *kserveModel      // a KServe model a ServingRuntime serves (spec holds the model's container until it is read)
	meta        metav1.ObjectMeta // the object's metadata (KServe fills runtime placeholders from it)
	runtimeErr  string            // why the model's ServingRuntime could not be read
}

// builtInControllers create objects from a template the webhook checked at their level.
var builtInControllers = map[string]bool{"apps/v1 Deployment": true, "apps/v1 ReplicaSet": true,
	"apps/v1 StatefulSet": true, "apps/v1 DaemonSet": true, "batch/v1 Job": true, "batch/v1 CronJob": true}

// servingFingerprint is what decides what an engine loads and the memory it gets: the
// containers' images, commands, environment and GPU resources, the pod's node placement, and
// the llmsize.dev annotations. An update that keeps it (scaling, labels, other annotations,
// finalizers) is not judged again.
func (w *workload) servingFingerprint() string {
	type ctr struct {
		Image         string
		Command, Args []string
		Env           []corev1.EnvVar
		EnvFrom       []corev1.EnvFromSource
		Limits        corev1.ResourceList
	}
	var f struct {
		Annotations  map[string]string
		Containers   []ctr
		NodeSelector map[string]string
		Affinity     *corev1.Affinity
	}
	f.Annotations = map[string]string{}
	for k, v := range w.annotations {
		if strings.HasPrefix(k, "llmsize.dev/") {
			f.Annotations[k] = v
		}
	}
	if w.spec != nil {
		for _, c := range w.spec.Containers {
			f.Containers = append(f.Containers, ctr{c.Image, c.Command, c.Args, c.Env, c.EnvFrom, c.Resources.Limits})
		}
		f.NodeSelector, f.Affinity = w.spec.NodeSelector, w.spec.Affinity
	}
	b, _ := json.Marshal(f)
	return string(b)
}

// decoded is what a decoder reads of one kind: its metadata, its pod template's metadata
// and spec, the GPUs the rest of its group brings (a LeaderWorkerSet's workers), and a KServe
// model a ServingRuntime serves.
type decoded struct {
	obj, tmpl metav1.ObjectMeta
	spec      *corev1.PodSpec
	groupGPUs int
	model     *kserveModel
}

type decoder func(raw []byte) (decoded, error)

func decodeAs[T any](parts func(*T) (metav1.ObjectMeta, metav1.ObjectMeta, *corev1.PodSpec)) decoder {
	return func(raw []byte) (decoded, error) {
		var o T
		if err := json.Unmarshal(raw, &o); err != nil {
			return decoded{}, err
		}
		obj, tmpl, spec := parts(&o)
		return decoded{obj: obj, tmpl: tmpl, spec: spec}, nil
	}
}

// leaderWorkerSet is the part of a LeaderWorkerSet (leaderworkerset.x-k8s.io/v1) the webhook
// reads: a group of `size` pods, the leader (its own template, or the worker's) and size-1
// workers; multi-node vLLM and SGLang run the engine's command on the leader.
type leaderWorkerSet struct {
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		LeaderWorkerTemplate struct {
			Size           *int32                  `json:"size"`
			LeaderTemplate *corev1.PodTemplateSpec `json:"leaderTemplate"`
			WorkerTemplate corev1.PodTemplateSpec  `json:"workerTemplate"`
		} `json:"leaderWorkerTemplate"`
	} `json:"spec"`
}

func decodeLWS(raw []byte) (decoded, error) {
	var o leaderWorkerSet
	if err := json.Unmarshal(raw, &o); err != nil {
		return decoded{}, err
	}
	t := o.Spec.LeaderWorkerTemplate
	size := int32(1)
	if t.Size != nil && *t.Size > 0 {
		size = *t.Size
	}
	if size > 4096 {
		return decoded{}, fmt.Errorf("group size %d", size)
	}
	workerGPUs := 0
	for _, c := range t.WorkerTemplate.Spec.Containers {
		if g, _ := gpuRequest(c); g > 0 {
			workerGPUs += g
		}
	}
	leader := &t.WorkerTemplate
	if t.LeaderTemplate != nil {
		leader = t.LeaderTemplate
	}
	return decoded{obj: o.ObjectMeta, tmpl: leader.ObjectMeta, spec: &leader.Spec, groupGPUs: int(size-1) * workerGPUs}, nil
}

// inferenceService is the part of a KServe InferenceService (serving.kserve.io/v1beta1)
// the webhook reads: its predictor, a pod spec whose containers run the engine, or a `model`
// a ServingRuntime serves (kserve.go merges the two as KServe's controller does).
type inferenceService struct {
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Predictor struct {
			corev1.PodSpec `json:",inline"`
			Model          *kserveModel `json:"model"`
		} `json:"predictor"`
	} `json:"spec"`
}

func decodeISVC(raw []byte) (decoded, error) {
	var o inferenceService
	if err := json.Unmarshal(raw, &o); err != nil {
		return decoded{}, err
	}
	spec := o.Spec.Predictor.PodSpec
	d := decoded{obj: o.ObjectMeta, spec: &spec}
	if m := o.Spec.Predictor.Model; m != nil && len(spec.Containers) == 0 {
		d.model = m
		c := m.Container
		c.Name = "kserve-container"
		spec.Containers = []corev1.Container{c} // what the model says, until its runtime is read
	}
	return d, nil
}

// The kinds the webhook is registered for: a row each.
var decoders = map[string]decoder{
	"Pod": decodeAs(func(o *corev1.Pod) (metav1.ObjectMeta, metav1.ObjectMeta, *corev1.PodSpec) {
		return o.ObjectMeta, metav1.ObjectMeta{}, &o.Spec
	}),
	"Deployment": decodeAs(func(o *appsv1.Deployment) (metav1.ObjectMeta, metav1.ObjectMeta, *corev1.PodSpec) {
		return o.ObjectMeta, o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	}),
	"StatefulSet": decodeAs(func(o *appsv1.StatefulSet) (metav1.ObjectMeta, metav1.ObjectMeta, *corev1.PodSpec) {
		return o.ObjectMeta, o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	}),
	"ReplicaSet": decodeAs(func(o *appsv1.ReplicaSet) (metav1.ObjectMeta, metav1.ObjectMeta, *corev1.PodSpec) {
		return o.ObjectMeta, o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	}),
	"DaemonSet": decodeAs(func(o *appsv1.DaemonSet) (metav1.ObjectMeta, metav1.ObjectMeta, *corev1.PodSpec) {
		return o.ObjectMeta, o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	}),
	"Job": decodeAs(func(o *batchv1.Job) (metav1.ObjectMeta, metav1.ObjectMeta, *corev1.PodSpec) {
		return o.ObjectMeta, o.Spec.Template.ObjectMeta, &o.Spec.Template.Spec
	}),
	"CronJob": decodeAs(func(o *batchv1.CronJob) (metav1.ObjectMeta, metav1.ObjectMeta, *corev1.PodSpec) {
		return o.ObjectMeta, o.Spec.JobTemplate.Spec.Template.ObjectMeta, &o.Spec.JobTemplate.Spec.Template.Spec
	}),
	"LeaderWorkerSet":  decodeLWS,
	"InferenceService": decodeISVC,
}

// podTemplate decodes the kinds the webhook is registered for and returns their pod spec,
// with the object's annotations overlaid by its pod template's.
func podTemplate(kind string, raw []byte) (*workload, error) {
	dec, ok := decoders[kind]
	if !ok {
		return nil, nil // not a kind with a pod template: nothing to check
	}
	d, err := dec(raw)
	if err != nil {
		return nil, fmt.Errorf("cannot decode the %s: %v", kind, err)
	}
	obj, tmpl := d.obj, d.tmpl
	w := &workload{kind: kind, name: obj.Name, spec: d.spec, annotations: map[string]string{}, deleting: obj.DeletionTimestamp != nil,
		groupGPUs: d.groupGPUs, model: d.model, meta: obj}
	if w.name == "" {
		w.name = obj.GenerateName
	}
	for _, o := range obj.OwnerReferences {
		if o.Controller != nil && *o.Controller && builtInControllers[o.APIVersion+" "+o.Kind] {
			w.controller = o.Kind
		}
	}
	for k, v := range obj.Annotations {
		w.annotations[k] = v
	}
	for k, v := range tmpl.Annotations {
		w.annotations[k] = v
	}
	return w, nil
}

// entrypoints: what an image runs when a container gives no command, and how an engine
// named by annotation is started. Table-driven: an image or engine is one row.
var entrypoints = []struct {
	image  string // substring of the image reference
	engine string
	argv   []string
}{
	{"vllm/vllm-openai", "vllm", []string{"vllm", "serve"}},
	{"lmsysorg/sglang", "sglang", []string{"python3", "-m", "sglang.launch_server"}},
	{"ggml-org/llama.cpp", "llamacpp", []string{"llama-server"}},
	{"ggerganov/llama.cpp", "llamacpp", []string{"llama-server"}},
	{"ollama/ollama", "ollama", []string{"ollama"}},
	{"tensorrt-llm", "trtllm", []string{"trtllm-serve"}},
}

// command is what a container runs, as the engine will see it: its argv and environment,
// and the variables it names that could not be read here (from a ConfigMap or Secret).
type command struct {
	argv    []string
	env     map[string]string
	unknown []string
}

// containerCommand reads the command line a container runs: command + args with Kubernetes'
// $(VAR) expansion from the container's env, the image's entrypoint when there is no command,
// and in a `sh -c` / `bash -c` script the command that starts an engine (after `&&`, `;`,
// `exec`, `VAR=value` assignments and line continuations), with the script's $VAR / ${VAR}.
func containerCommand(c corev1.Container, engine string) command {
	cmd := command{env: map[string]string{}}
	fromRef := map[string]bool{}
	for _, e := range c.Env {
		if e.ValueFrom != nil {
			fromRef[e.Name] = true
			continue
		}
		cmd.env[e.Name] = expandK8s(e.Value, cmd.env, nil)
	}
	note := func(name string) {
		if fromRef[name] || len(c.EnvFrom) > 0 {
			cmd.unknown = append(cmd.unknown, name)
		}
	}
	var a []string
	for _, w := range append(append([]string{}, c.Command...), c.Args...) {
		a = append(a, expandK8s(w, cmd.env, note))
	}
	if len(c.Command) == 0 {
		for _, e := range entrypoints {
			if (engine == "" && strings.Contains(c.Image, e.image)) || (engine != "" && engine == e.engine) {
				a = append(append([]string{}, e.argv...), a...)
				break
			}
		}
	}
	if len(a) >= 3 && isShell(a[0]) && a[1] == "-c" {
		a = engineCommand(a[2], cmd.env, note)
	}
	if len(a) > 0 && a[0] == "ollama" && len(a) == 1 {
		a = append(a, "serve")
	}
	cmd.argv = a
	return cmd
}

func isShell(p string) bool {
	base := p[strings.LastIndex(p, "/")+1:]
	return base == "sh" || base == "bash" || base == "dash" || base == "ash" || base == "zsh"
}

// expandK8s replaces $(VAR) as Kubernetes does in command, args and env values ($$ escapes);
// an unknown name stays as written (note is told).
func expandK8s(s string, env map[string]string, note func(string)) string {
	if !strings.Contains(s, "$") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '$' && i+1 < len(s) && s[i+1] == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		if s[i] == '$' && i+1 < len(s) && s[i+1] == '(' {
			if end := strings.IndexByte(s[i+2:], ')'); end >= 0 {
				name := s[i+2 : i+2+end]
				if v, ok := env[name]; ok {
					b.WriteString(v)
				} else {
					if note != nil {
						note(name)
					}
					b.WriteString(s[i : i+3+end])
				}
				i += 2 + end
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// engineCommand reads a shell script into its commands and returns the first that starts
// a serving engine (the library's command-line reader says which), else the script's last.
func engineCommand(script string, env map[string]string, note func(string)) []string {
	cmds := shellCommands(script, env, note)
	for _, c := range cmds {
		if _, err := llmsize.PlanFromArgs(c, nil); !errors.Is(err, llmsize.ErrUnknownEngine) {
			return c
		}
	}
	if len(cmds) == 0 {
		return nil
	}
	return cmds[len(cmds)-1]
}

// shellCommands splits a script into simple commands at unquoted ;, &, &&, ||, | and
// newlines, joins backslash-continued lines, honours quotes, expands $VAR and ${VAR} (the
// script's own VAR=value assignments included) and drops leading assignments, `exec`,
// `nohup` and `time`.
func shellCommands(s string, env map[string]string, note func(string)) [][]string {
	local := map[string]string{}
	for k, v := range env {
		local[k] = v
	}
	var out [][]string
	var words []string
	var cur strings.Builder
	quote, have := byte(0), false
	flushWord := func() {
		if have || cur.Len() > 0 {
			words = append(words, cur.String())
			cur.Reset()
			have = false
		}
	}
	flushCommand := func() {
		flushWord()
		for len(words) > 0 {
			if eq := strings.IndexByte(words[0], '='); eq > 0 && isName(words[0][:eq]) {
				local[words[0][:eq]] = words[0][eq+1:]
				words = words[1:]
				continue
			}
			if words[0] == "export" { // export NAME=value ...: assignments for what follows
				for _, w := range words[1:] {
					if eq := strings.IndexByte(w, '='); eq > 0 && isName(w[:eq]) {
						local[w[:eq]] = w[eq+1:]
					}
				}
				words = nil
				break
			}
			if words[0] == "exec" || words[0] == "nohup" || words[0] == "time" {
				words = words[1:]
				continue
			}
			break
		}
		if len(words) > 0 {
			out = append(out, words)
		}
		words = nil
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\\' && quote != '\'' && i+1 < len(s) && s[i+1] == '\n':
			i++ // a continued line
		case quote == '\'' && ch == '\'':
			quote = 0
		case quote == '\'':
			cur.WriteByte(ch)
		case ch == '$' && i+1 < len(s) && (s[i+1] == '{' || isNameByte(s[i+1], true)):
			name, n := varName(s[i+1:])
			if v, ok := local[name]; ok && n > 0 {
				cur.WriteString(v)
			} else {
				if note != nil && n > 0 {
					note(name)
				}
				cur.WriteString(s[i : i+1+n])
			}
			have = true
			i += n
		case quote == '"' && ch == '"':
			quote = 0
		case quote == '"' && ch == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
		case quote == '"':
			cur.WriteByte(ch)
		case ch == '\'' || ch == '"':
			quote, have = ch, true
		case ch == ' ' || ch == '\t':
			flushWord()
		case ch == ';' || ch == '\n' || ch == '&' || ch == '|':
			flushCommand()
		default:
			cur.WriteByte(ch)
		}
	}
	flushCommand()
	return out
}

func isNameByte(c byte, first bool) bool {
	return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || !first && c >= '0' && c <= '9'
}

func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i], i == 0) {
			return false
		}
	}
	return s != ""
}

// varName reads NAME or {NAME} after a '$': the name and how many bytes it spans.
func varName(s string) (string, int) {
	if s[0] == '{' {
		if end := strings.IndexByte(s, '}'); end > 0 {
			return s[1:end], end + 1
		}
		return "", 0
	}
	n := 0
	for n < len(s) && isNameByte(s[n], n == 0) {
		n++
	}
	return s[:n], n
}

// Reviewer decides AdmissionRequests.
type Reviewer struct {
	Policy  Policy
	Cluster Cluster // nil: only pinned products are checked

	fits fitCache
}

// Review decides one request. It never panics on malformed input (the HTTP layer also
// recovers, as a last line).
func (rv *Reviewer) Review(ctx context.Context, req *admissionv1.AdmissionRequest) Decision {
	if req.Operation == admissionv1.Delete || req.Operation == admissionv1.Connect {
		return Decision{Allowed: true}
	}
	w, err := podTemplate(req.Kind.Kind, req.Object.Raw)
	if err != nil { // the API server decoded it; an object we cannot read is admitted, as failurePolicy: Ignore would
		return Decision{Allowed: true, Warnings: []string{"llmsize: " + err.Error() + "; not checked"}}
	}
	if w == nil || w.spec == nil || w.annotations[AnnSkip] == "true" || w.deleting || w.controller != "" {
		return Decision{Allowed: true} // deletions in progress, and objects a checked workload made
	}
	if req.Operation == admissionv1.Update && len(req.OldObject.Raw) > 0 {
		if old, err := podTemplate(req.Kind.Kind, req.OldObject.Raw); err == nil && old != nil &&
			old.servingFingerprint() == w.servingFingerprint() {
			return Decision{Allowed: true} // scaling, labels, annotations, finalizers: nothing the engine loads changed
		}
	}
	if w.model != nil {
		w.runtimeErr = rv.readRuntime(ctx, req.Namespace, w)
	}
	d := Decision{Allowed: true}
	var use *llmsize.Use
	for _, c := range w.spec.Containers {
		cd := rv.container(ctx, req.Namespace, w, c, &use)
		d.Warnings = append(d.Warnings, cd.Warnings...)
		if !cd.Allowed {
			d.Allowed = false
			if d.Message != "" {
				d.Message += "\n"
			}
			d.Message += cd.Message
		}
	}
	return d
}

func (rv *Reviewer) container(ctx context.Context, ns string, w *workload, c corev1.Container, use **llmsize.Use) Decision {
	who := fmt.Sprintf("%s %s, container %q", w.kind, w.name, c.Name)
	ann := w.annotations
	cmd := containerCommand(c, ann[AnnEngine])
	var readWarnings []string
	if len(cmd.unknown) > 0 {
		readWarnings = append(readWarnings, fmt.Sprintf("llmsize: %s: the command uses %s from a ConfigMap or Secret, "+
			"which the webhook does not read", who, strings.Join(cmd.unknown, ", ")))
	}
	plan, err := llmsize.PlanFromArgs(cmd.argv, cmd.env)
	if errors.Is(err, llmsize.ErrUnknownEngine) {
		if ann[AnnModel] == "" && w.model != nil && hasGPU(c) {
			why := fmt.Sprintf("its ServingRuntime's command (%s) is not an engine llmsize reads", strings.Join(append(c.Command, c.Args...), " "))
			if w.runtimeErr != "" {
				why = "its ServingRuntime could not be read: " + w.runtimeErr
			}
			return Decision{Allowed: true, Warnings: []string{fmt.Sprintf("llmsize: %s: %s; set %s and %s to check it",
				who, why, AnnEngine, AnnModel)}}
		}
		if ann[AnnModel] == "" || len(w.spec.Containers) > 1 && !hasGPU(c) {
			return Decision{Allowed: true} // not a serving container
		}
		plan, err = llmsize.Plan{Engine: llmsize.EngineNone}, nil
	}
	if err != nil {
		return Decision{Allowed: true, Warnings: append(readWarnings, fmt.Sprintf("llmsize: %s: %v; not checked", who, err))}
	}
	if d, ok := applyAnnotations(&plan, ann, who); !ok {
		return rv.unknownModel(d)
	}
	var versionWarning []string
	if plan.EngineVersion = ann[AnnEngineVersion]; plan.EngineVersion == "" {
		plan.EngineVersion = imageVersion(c.Image)
	}
	if plan.EngineVersion != "" && !knownRelease(plan.Engine, plan.EngineVersion) {
		versionWarning = []string{fmt.Sprintf("llmsize: %s: %s %q is not a release llmsize models; sized with %s's current "+
			"release", who, AnnEngineVersion, plan.EngineVersion, plan.Engine)}
		plan.EngineVersion = ""
	}
	if plan.Model == nil {
		return rv.unknownModel(fmt.Sprintf("llmsize: %s serves %q, which llmsize cannot size (set %s to a known id)",
			who, plan.ModelArg, AnnModel))
	}
	if plan.Format == "" {
		return Decision{Allowed: true, Warnings: []string{fmt.Sprintf(
			"llmsize: %s: the weight format of %s is not in its args; set %s to check it", who, plan.Model.ID, AnnFormat)}}
	}
	hw := hardware{targets: pinnedTargets(w.spec)}
	hw.gpus, hw.mig = gpuRequest(c)
	hw.pinned = len(hw.targets) > 0
	resource := ResourceGPU
	if hw.mig != "" {
		resource = corev1.ResourceName(ResourceMIGPrefix + hw.mig)
	}
	if hw.gpus > 0 && w.groupGPUs > 0 { // a leader and its workers: one engine across the group's GPUs
		hw.gpus += w.groupGPUs
	}
	if hw.gpus < 0 {
		return Decision{Message: fmt.Sprintf("llmsize: %s requests %s: %s; no node has that many", who, resource,
			c.Resources.Limits.Name(resource, "").String())}
	}
	if hw.gpus == 0 {
		return Decision{Allowed: true, Warnings: []string{fmt.Sprintf(
			"llmsize: %s serves %s but requests no %s (or MIG slice); not checked", who, plan.Model.ID, ResourceGPU)}}
	}
	if need := int64(max(plan.TP, 1)) * int64(max(plan.PP, 1)) * int64(max(plan.DP, 1)); need > int64(hw.gpus) {
		return Decision{Message: fmt.Sprintf("llmsize: %s: %s asks for %d GPUs (tensor %d × pipeline %d × data %d) but the "+
			"container requests %s: %d", who, plan.Engine, need, max(plan.TP, 1), max(plan.PP, 1), max(plan.DP, 1), resource, hw.gpus)}
	}
	d := rv.fitHardware(ctx, who, plan, hw)
	d.Warnings = append(append(readWarnings, versionWarning...), d.Warnings...)
	rv.license(ctx, ns, who, plan.Model, use, &d)
	return d
}

// imageVersion reads the engine release from an image tag as the projects publish them:
// vllm/vllm-openai:v0.11.0, lmsysorg/sglang:v0.5.4-cu126, ghcr.io/ggml-org/llama.cpp:server-cuda-b6550,
// ollama/ollama:0.12.3 ("" for latest, a digest, or no tag).
func imageVersion(image string) string {
	if i := strings.LastIndex(image, "@"); i >= 0 {
		image = image[:i]
	}
	i := strings.LastIndex(image, ":")
	if i < 0 || strings.Contains(image[i:], "/") {
		return ""
	}
	tag := image[i+1:]
	for _, part := range strings.Split(tag, "-") {
		if len(part) > 1 && (part[0] == 'b' || part[0] == 'v') && part[1] >= '0' && part[1] <= '9' {
			return part
		}
		if len(part) > 0 && part[0] >= '0' && part[0] <= '9' && strings.Contains(part, ".") {
			return part
		}
	}
	return ""
}

// knownRelease says whether llmsize models this release of the engine.
func knownRelease(e llmsize.Engine, version string) bool {
	_, err := llmsize.ParseEngine(e.String() + "@" + version)
	return err == nil
}

func (rv *Reviewer) unknownModel(msg string) Decision {
	if rv.Policy.DenyUnknownModels {
		return Decision{Message: msg}
	}
	return Decision{Allowed: true, Warnings: []string{msg + "; admitted by policy"}}
}

// applyAnnotations fills in the plan from llmsize.dev/* annotations; false when the model
// annotation names no known model (the string says so).
func applyAnnotations(p *llmsize.Plan, ann map[string]string, who string) (string, bool) {
	if v := ann[AnnEngine]; v != "" && p.Engine == llmsize.EngineNone {
		if e, err := llmsize.ParseEngine(v); err == nil {
			p.Engine = e
		}
	}
	if v := ann[AnnModel]; v != "" { // any name the library reads, as the engine would read it
		r, err := llmsize.Resolve(v, p.Engine.String())
		if err != nil {
			return fmt.Sprintf("llmsize: %s: %s %v", who, AnnModel, err), false
		}
		p.Model = r.Model
		if f, err := r.Model.DefaultFormat(p.Engine); err == nil {
			p.Format = f // what the name says, else the checkpoint as released
		} else {
			p.Format = ""
		}
	}
	if v := ann[AnnFormat]; v != "" {
		p.Format = v
	}
	// the context the engine will use: the command's when it sets one, else the annotation's
	if v, err := strconv.ParseUint(ann[AnnContext], 10, 64); err == nil && v > 0 && p.Context == 0 && !p.ContextAuto {
		p.Context = v
	}
	seqs := ann[AnnSeqs]
	if seqs == "" {
		seqs = ann[AnnUsers]
	}
	if v, err := strconv.ParseUint(seqs, 10, 32); err == nil && v > 0 {
		p.Seqs = uint32(v)
	}
	return "", true
}

type outcome struct {
	target    target
	gpu       *llmsize.GPU
	described bool // sized from the node's labels (a MIG slice, a part llmsize's table lacks)
	fit       llmsize.FitResult
	err       error
}

func (o outcome) layers() uint32 {
	if m, err := llmsize.LookupModel(o.fit.Model); err == nil {
		return m.Layers
	}
	return 0
}

// fitHardware evaluates the plan on each GPU product the pod may land on. Pinned products
// must all fit (the scheduler may pick any); otherwise one GPU node kind that fits is enough.
func (rv *Reviewer) fitHardware(ctx context.Context, who string, plan llmsize.Plan, hw hardware) Decision {
	if rv.Cluster != nil && (!hw.pinned || hw.mig != "" || hw.targets[0].mig != "") {
		nodes, err := rv.Cluster.GPUNodes(ctx)
		switch {
		case err != nil && !hw.pinned:
			return Decision{Allowed: true, Warnings: []string{fmt.Sprintf("llmsize: %s: cannot list GPU nodes (%v); not checked", who, err)}}
		case err == nil:
			hw.fromNodes(nodes)
			if len(hw.targets) == 0 && len(nodes) > 0 {
				what := "GPUs"
				if hw.mig != "" {
					what = "MIG " + hw.mig + " slices"
				}
				return Decision{Message: fmt.Sprintf("llmsize: %s requests %d %s but no GPU node has that many", who, hw.gpus, what)}
			}
		}
	}
	if len(hw.targets) == 0 {
		return Decision{Allowed: true, Warnings: []string{fmt.Sprintf(
			"llmsize: %s: no GPU product pinned (%s or %s) and no GPU nodes known; not checked", who, LabelProduct, LabelGKE)}}
	}
	if hw.mig != "" {
		for i := range hw.targets {
			hw.targets[i].mig = hw.mig
		}
	}
	var d Decision
	var res []outcome
	for _, t := range hw.targets {
		g, note, err := t.accelerator()
		if note != "" {
			d.Warnings = append(d.Warnings, "llmsize: "+who+": "+note)
		}
		o := outcome{target: t, gpu: g, err: err, described: t.mig != "" || note != ""}
		if err == nil {
			o.fit, o.err = rv.fits.fit(plan, g, uint32(hw.gpus))
		}
		res = append(res, o)
	}
	var fits, fails []outcome
	for _, o := range res {
		switch {
		case errors.Is(o.err, llmsize.ErrUnknownGPU):
			d.Warnings = append(d.Warnings, fmt.Sprintf("llmsize: %s: GPU %q is not in llmsize's table and its node has no %s "+
				"label; not checked there", who, o.target.product, LabelMemory))
		case o.err != nil:
			d.Warnings = append(d.Warnings, fmt.Sprintf("llmsize: %s on %s: %v; not checked there", who, o.target, o.err))
		case o.fit.Fits:
			fits = append(fits, o)
		case o.fit.Outcome == "offloads" && rv.Policy.AllowCPUOffload: // Ollama, llama.cpp --fit: layers on the CPU
			d.Warnings = append(d.Warnings, fmt.Sprintf("llmsize: %s on %s: %s starts with %d of %d layers on the GPU, "+
				"the rest on the CPU: it runs, slower%s", who, o.target, o.fit.Engine, o.fit.GPULayers, o.layers(), decodeSpeed(o.fit)))
			fits = append(fits, o)
		default:
			fails = append(fails, o)
		}
	}
	for _, o := range fits {
		if o.fit.Tight {
			d.Warnings = append(d.Warnings, fmt.Sprintf("llmsize: %s fits on %s only tightly: %s of headroom%s",
				who, o.target, gib(o.fit.HeadroomBytes), decodeSpeed(o.fit)))
		}
	}
	deny := len(fails) > 0 && (hw.pinned || len(fits) == 0)
	if !deny {
		d.Allowed = true
		return d
	}
	d.Message = denial(who, fails[0])
	return d
}

// decodeSpeed words the decode estimate and the range published measurements fall in
// ("" when the library has none: offloaded layers with an unknown host bandwidth).
func decodeSpeed(f llmsize.FitResult) string {
	if f.DecodeTPS <= 0 {
		return ""
	}
	return fmt.Sprintf("; decode ~%.0f tok/s per sequence with %d decoding and the cache full (measurements fall %.0f-%.0f)",
		f.DecodeTPS, f.Seqs, f.DecodeTPSLow, f.DecodeTPSHigh)
}

func gib(b any) string {
	switch v := b.(type) {
	case uint64:
		return fmt.Sprintf("%.1f GiB", float64(v)/(1<<30))
	case int64:
		return fmt.Sprintf("%.1f GiB", float64(v)/(1<<30))
	}
	return fmt.Sprint(b)
}

// denial words a FitResult that does not fit: what is short, by component, and the
// smallest changes that fit.
func denial(who string, o outcome) string {
	var b strings.Builder
	f := o.fit
	name := f.GPU // llmsize's id for a table row; the labels' name for a slice or a part sized from its memory label
	if o.described {
		name = o.target.String()
	}
	fmt.Fprintf(&b, "llmsize: %s does not fit: %s (%s) with %s on %d× %s (%s each)", who, f.Model, f.Format, f.Engine, f.GPUs,
		name, gib(o.gpu.MemoryBytes))
	fmt.Fprintf(&b, ". Per GPU it needs %s: weights %s + KV cache %s (%d × %d tokens) + activations %s + overhead %s; "+
		"%s can use %s", gib(f.TotalBytes), gib(f.WeightBytes), gib(f.KVBytes), f.Seqs, f.Context, gib(f.ActivationBytes),
		gib(f.OverheadBytes), f.Engine, gib(f.UsableBytes))
	if f.HeadroomBytes < 0 {
		fmt.Fprintf(&b, ", short by %s", gib(-f.HeadroomBytes))
	}
	b.WriteString(".")
	if f.Outcome == "offloads" {
		fmt.Fprintf(&b, " %s would start with %d of its layers on the GPU and the rest on the CPU, slower "+
			"(admit such containers with --allow-cpu-offload).", f.Engine, f.GPULayers)
	}
	if f.Refused && f.Loads {
		fmt.Fprintf(&b, " %s would refuse to start: one request at %d tokens needs %s of KV cache and its pool holds %s "+
			"(%d tokens).", f.Engine, f.Context, gib(f.RefusalNeeded), gib(f.RefusalAvailable), f.KVCapacityTokens)
	}
	if s := f.Suggestion; s != nil {
		var opts []string
		if s.Format != "" {
			opts = append(opts, "weights in "+s.Format)
		}
		if s.GPUs > f.GPUs {
			layout := "tensor parallel"
			if f.Engine.SplitsLayers() {
				layout = "layers split over them"
			}
			opts = append(opts, fmt.Sprintf("%d GPUs (%s)", s.GPUs, layout))
		}
		if s.Context > 0 && s.Context < f.Context {
			opts = append(opts, fmt.Sprintf("context ≤ %d tokens", s.Context))
		}
		if s.Seqs > 0 && s.Seqs < f.Seqs {
			opts = append(opts, fmt.Sprintf("≤ %d concurrent sequences", s.Seqs))
		}
		if len(opts) > 0 {
			b.WriteString(" Would fit with any one of: " + strings.Join(opts, "; ") + ".")
		}
	}
	return b.String()
}

// license checks the namespace's declared use against the model's licence: obligations
// come back as warnings, a use the licence does not allow as a denial (policy permitting).
func (rv *Reviewer) license(ctx context.Context, ns, who string, m *llmsize.Model, use **llmsize.Use, d *Decision) {
	if *use == nil {
		if rv.Cluster == nil || ns == "" {
			return
		}
		ann, err := rv.Cluster.NamespaceAnnotations(ctx, ns)
		if err != nil {
			d.Warnings = append(d.Warnings, fmt.Sprintf("llmsize: namespace %s: cannot read its %s (%v); licence not checked",
				ns, AnnUse, err))
			return
		}
		if ann[AnnUse] == "" {
			return
		}
		u, err := llmsize.ParseUse(ann[AnnUse])
		if err != nil {
			d.Warnings = append(d.Warnings, fmt.Sprintf("llmsize: namespace %s: %s: %v", ns, AnnUse, err))
			return
		}
		*use = &u
	}
	r, err := llmsize.CheckLicense(m.ID, **use)
	if err != nil {
		d.Warnings = append(d.Warnings, fmt.Sprintf("llmsize: %s: licence not checked: %v", m.ID, err))
		return
	}
	for _, o := range r.Obligations {
		d.Warnings = append(d.Warnings, fmt.Sprintf("llmsize: %s licence %s: %s (%s)", m.ID, o.License, o.Text, o.Clause))
	}
	if r.Verdict == llmsize.VerdictNotAllowed {
		var why []string
		for _, x := range r.Reasons {
			if x.Verdict == llmsize.VerdictNotAllowed {
				why = append(why, fmt.Sprintf("%s (%s)", x.Text, x.Clause))
			}
		}
		msg := fmt.Sprintf("llmsize: %s: the %s licence does not allow this namespace's declared use (%s): %s",
			who, m.License, AnnUse, strings.Join(why, "; "))
		if rv.Policy.DenyLicense {
			d.Allowed = false
			if d.Message != "" {
				d.Message += " "
			}
			d.Message += msg
		} else {
			d.Warnings = append(d.Warnings, msg)
		}
	}
}
