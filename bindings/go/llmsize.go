// Package llmsize answers, before you download a weight, whether an LLM fits on your
// hardware under a serving engine's rules, how fast it will decode, what a quantization
// costs and whether its licence allows your use. Every number comes from the llmsize C
// library (llmsize.h), wrapped by SWIG in internal/core; this package turns its status
// codes into errors and its structs into Go values. It is safe for concurrent use: the
// library is pure and keeps no state.
package llmsize

import (
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/llmsize/llmsize/bindings/go/internal/core"
)

// Version is the C library's version; DataVersion the date of its tables.
func Version() string     { return core.Llmsize_version() }
func DataVersion() string { return core.Llmsize_data_version() }

// ---------------------------------------------------------------------------------------
// Errors: every error wraps one of these sentinels, so errors.Is works.
// ---------------------------------------------------------------------------------------
var (
	ErrNull            = errors.New("llmsize: a required argument was missing")
	ErrUnknownModel    = errors.New("llmsize: unknown model")
	ErrUnknownGPU      = errors.New("llmsize: unknown accelerator")
	ErrUnknownFormat   = errors.New("llmsize: unknown weight format")
	ErrUnknownKVDtype  = errors.New("llmsize: unknown KV-cache dtype")
	ErrInvalidModel    = errors.New("llmsize: inconsistent model description")
	ErrInvalidArgument = errors.New("llmsize: invalid argument")
	ErrOverflow        = errors.New("llmsize: result would overflow 64 bits")
	ErrUnsupported     = errors.New("llmsize: not supported")
	ErrUnknownLicense  = errors.New("llmsize: unknown licence")
	ErrCapacity        = errors.New("llmsize: output array too small")
	ErrUnknownEngine   = errors.New("llmsize: unknown serving engine")
	ErrParse           = errors.New("llmsize: cannot parse")
	ErrTruncated       = errors.New("llmsize: the bytes end inside the file header")
	ErrAmbiguous       = errors.New("llmsize: the name fits more than one model")
)

var sentinels = []error{nil, ErrNull, ErrUnknownModel, ErrUnknownGPU, ErrUnknownFormat, ErrUnknownKVDtype,
	ErrInvalidModel, ErrInvalidArgument, ErrOverflow, ErrUnsupported, ErrUnknownLicense, ErrCapacity,
	ErrUnknownEngine, ErrParse, ErrTruncated, ErrAmbiguous}

// Error is what every function returns on failure: the C status, a message, and for
// unknown names the closest names in the table.
type Error struct {
	Status      int      // the llmsize_status code
	Msg         string   // llmsize_strerror plus context
	Name        string   // the unknown name or malformed flag, when there is one
	Suggestions []string // close names for an unknown name
	Needed      uint64   // ErrTruncated: bytes (from the file's start) to have before retrying
}

func (e *Error) Error() string {
	s := e.Msg
	if len(e.Suggestions) > 0 {
		s += "; did you mean: " + strings.Join(e.Suggestions, ", ")
	}
	return s
}

// Unwrap lets errors.Is(err, llmsize.ErrUnknownModel) and friends work.
func (e *Error) Unwrap() error {
	if e.Status > 0 && e.Status < len(sentinels) {
		return sentinels[e.Status]
	}
	return nil
}

func statusErr(status int, context string) error {
	if status == int(core.LLMSIZE_OK) {
		return nil
	}
	msg := core.Llmsize_strerror(core.Enum_SS_llmsize_status(status))
	if context != "" {
		msg += ": " + context
	}
	return &Error{Status: status, Msg: msg}
}

var (
	tableModels   = int(core.LLMSIZE_TABLE_MODELS)
	tableGPUs     = int(core.LLMSIZE_TABLE_GPUS)
	tableFormats  = int(core.LLMSIZE_TABLE_FORMATS)
	tableKV       = int(core.LLMSIZE_TABLE_KV_DTYPES)
	tableLicenses = int(core.LLMSIZE_TABLE_LICENSES)
	tableEngines  = int(core.LLMSIZE_TABLE_ENGINES)
)

func unknown(kind string, table int, status core.Enum_SS_llmsize_status, name string) error {
	n := core.Llmsize_close_names(table, name)
	text := n.GetText()
	core.DeleteLlmsize_names(n)
	var sug []string
	for _, s := range strings.Split(text, "|") {
		if s != "" {
			sug = append(sug, s)
		}
	}
	return &Error{Status: int(status), Msg: fmt.Sprintf("llmsize: unknown %s %q", kind, name), Name: name, Suggestions: sug}
}

func first(ids string) string {
	if i := strings.IndexByte(ids, '|'); i >= 0 {
		return ids[:i]
	}
	return ids
}

// ---------------------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------------------

// Engine is a serving engine whose memory rules llmsize models.
type Engine int

const (
	EngineNone Engine = iota
	EngineVLLM
	EngineSGLang
	EngineLlamaCpp
	EngineOllama
	EngineTRTLLM
)

// names reads one of the library's vocabularies: name(0), name(1), ... up to the first "".
func names(name func(uint) string) []string {
	var out []string
	for i := uint(0); ; i++ {
		n := name(i)
		if n == "" {
			return out
		}
		out = append(out, n)
	}
}

// The library's names for its engines, verdicts, rejections, tasks and hardware classes: an
// entry added in C is known here with no Go edit.
var (
	engineNames  = names(core.Llmsize_engine_name)
	verdictNames = names(core.Llmsize_verdict_name)
	rejectNames  = names(core.Llmsize_reject_name)
	taskNames    = names(core.Llmsize_task_name)
	hwClassNames = names(core.Llmsize_hw_class_name)
)

func (e Engine) String() string {
	if int(e) >= 0 && int(e) < len(engineNames) {
		return engineNames[e]
	}
	return fmt.Sprintf("Engine(%d)", int(e))
}

// SplitsLayers says whether the engine splits a model's layers over its GPUs and runs them in
// turn (llama.cpp's default -sm layer, Ollama) rather than in tensor parallel: then any number
// of GPUs will do, and one sequence decodes at one GPU's bandwidth.
func (e Engine) SplitsLayers() bool {
	return int(e) >= 0 && core.Llmsize_engine_splits_layers(uint(e)) != 0
}

// ParseEngine accepts an engine's name or alias ("vllm", "llama-server", "ollama"...),
// with or without its version ("vllm@0.11").
func ParseEngine(name string) (Engine, error) {
	e, _, err := engineRelease(name, "")
	return e, err
}

// engineRelease reads an engine with its version ("vllm@0.6", or "vllm" and "0.6"): the engine
// and the release whose rules apply (nil: none named, the current release).
func engineRelease(name, version string) (Engine, core.Llmsize_engine_release, error) {
	if name == "" && version == "" {
		return EngineNone, nil, nil
	}
	if name == "" {
		name = "none"
	}
	r := core.Llmsize_engine_release_get(name, version)
	defer core.DeleteLlmsize_release_out(r)
	switch st := r.GetStatus(); st {
	case 0:
	case int(core.LLMSIZE_ERR_UNKNOWN_ENGINE):
		return EngineNone, nil, unknown("engine", tableEngines, core.LLMSIZE_ERR_UNKNOWN_ENGINE, strings.SplitN(name, "@", 2)[0])
	case int(core.LLMSIZE_ERR_UNKNOWN_VERSION):
		spec := name
		if version != "" {
			spec += "@" + version
		}
		known := []string{}
		for _, rel := range EngineReleases() {
			if rel.Engine != EngineNone {
				known = append(known, rel.Engine.String()+"@"+rel.Version)
			}
		}
		return EngineNone, nil, &Error{Status: st, Msg: fmt.Sprintf("llmsize: unknown engine version %q", spec), Name: spec,
			Suggestions: known}
	default:
		return EngineNone, nil, statusErr(st, name+": give the version once, in the name or as EngineVersion")
	}
	return Engine(r.GetEngine()), r.GetRelease(), nil
}

// EngineRelease is one release whose rules llmsize models: its first version and date.
type EngineRelease struct {
	Engine        Engine
	Version, Date string
}

// EngineReleases lists the engine releases llmsize models, oldest first within each engine.
func EngineReleases() []EngineRelease {
	out := []EngineRelease{}
	for i := int64(0); i < core.Llmsize_engine_release_count(); i++ {
		r := core.Llmsize_engine_release_at(i)
		out = append(out, EngineRelease{Engine: Engine(r.GetEngine()), Version: r.GetVersion(), Date: r.GetDate()})
	}
	return out
}

// releaseVersion is the version of the release a plan ran under (its own, or the engine's current).
func releaseVersion(engine Engine, rel core.Llmsize_engine_release) string {
	if rel != nil && rel.Swigcptr() != 0 {
		return rel.GetVersion()
	}
	r := core.Llmsize_engine_release_get(engine.String(), "")
	defer core.DeleteLlmsize_release_out(r)
	if cur := r.GetRelease(); cur.Swigcptr() != 0 {
		return cur.GetVersion()
	}
	return ""
}

// Verdict of a licence check. The zero value is VerdictUnknown: never a yes.
type Verdict int

const (
	VerdictUnknown Verdict = iota
	VerdictAllowed
	VerdictAllowedWithObligations
	VerdictNotAllowed
)

// String is the verdict in words ("allowed with obligations").
func (v Verdict) String() string {
	if int(v) >= 0 && int(v) < len(verdictNames) {
		return strings.ReplaceAll(verdictNames[v], "_", " ")
	}
	return fmt.Sprintf("Verdict(%d)", int(v))
}

// Reject is the first constraint a model failed in Select.
type Reject int

const (
	RejectNone Reject = iota
	RejectTask
	RejectOrigin
	RejectLicense
	RejectContext
	RejectMemory
	RejectQuality
	RejectSpeed
)

func (r Reject) String() string {
	if int(r) >= 0 && int(r) < len(rejectNames) {
		return rejectNames[r]
	}
	return fmt.Sprintf("Reject(%d)", int(r))
}

func kvDtype(name string) (int, error) {
	if name == "" {
		return 0, nil
	}
	if c := core.Llmsize_kv_dtype_named(name); c >= 0 {
		return c, nil
	}
	return 0, unknown("KV dtype", tableKV, core.LLMSIZE_ERR_UNKNOWN_KV_DTYPE, name)
}

// ---------------------------------------------------------------------------------------
// Table rows
// ---------------------------------------------------------------------------------------

// Model is a model from the table or from a config.json.
type Model struct {
	p    core.Llmsize_model
	own  core.Llmsize_model_result // keeps a config-built model alive (nil for table rows)
	name string                    // the name it was looked up by ("" for rows and configs)

	ID, Name, Developer, Country, License string
	HFRepos                               []string
	ContextWindow                         uint32
	Layers                                uint32 // transformer layers (what -ngl counts)
	CheckpointFormat                      string // the format its makers released it in
	CheckpointBytes                       uint64 // that checkpoint's published byte total (0 = not read)
}

func newModel(p core.Llmsize_model) *Model {
	m := &Model{p: p, ID: first(p.GetId()), Name: p.GetName(), Developer: p.GetDeveloper(), Country: p.GetCountry(),
		License: p.GetLicense(), ContextWindow: uint32(p.GetDims().GetMax_ctx()), Layers: uint32(p.GetDims().GetLayers()),
		CheckpointFormat: first(core.Llmsize_checkpoint_format(p).GetId()), CheckpointBytes: p.GetCheckpoint_bytes()}
	for _, r := range strings.Split(p.GetHf_repos(), "|") {
		if r != "" {
			m.HFRepos = append(m.HFRepos, r)
		}
	}
	return m
}

// The table's rows, read once: a row is immutable C memory, so its Go view is too.
var (
	rowsOnce sync.Once
	rowByPtr map[uintptr]*Model
)

func tableRow(p core.Llmsize_model) *Model {
	rowsOnce.Do(func() {
		n := int(core.Llmsize_model_count())
		rowByPtr = make(map[uintptr]*Model, n)
		for i := 0; i < n; i++ {
			r := core.Llmsize_model_at(int64(i))
			rowByPtr[r.Swigcptr()] = newModel(r)
		}
	})
	if m, ok := rowByPtr[p.Swigcptr()]; ok {
		c := *m // callers may change their copy's fields; the row stays as it is
		return &c
	}
	return newModel(p)
}

// Resolution is how a model name was read: the table model (the architecture sized), its
// format ("" when the name names one the table lacks), How (id, repo, release, quantized,
// derived, ollama, gguf-file), where the format came from (name, checkpoint, release,
// ollama, default) and the table name it matched.
type Resolution struct {
	Model           *Model
	Format          string
	How, FormatFrom string
	Matched         string
}

// Resolve reads a model name as people write it: repo ids of quantized copies and
// fine-tunes, Ollama tags, repo:QUANT, GGUF file names. engine "ollama" reads Ollama's
// library first. Unknown names wrap ErrUnknownModel, names that fit several ErrAmbiguous;
// both carry close names.
func Resolve(name, engine string) (Resolution, error) {
	e, err := ParseEngine(engine)
	if err != nil {
		return Resolution{}, err
	}
	r := core.Llmsize_resolve_get(name, int(e))
	defer core.DeleteLlmsize_resolution_out(r)
	switch st := r.GetStatus(); st {
	case int(core.LLMSIZE_OK):
	case int(core.LLMSIZE_ERR_AMBIGUOUS):
		u := unknown("model", tableModels, core.LLMSIZE_ERR_AMBIGUOUS, name).(*Error)
		u.Msg = fmt.Sprintf("llmsize: %q fits more than one model", name)
		return Resolution{}, u
	default:
		return Resolution{}, unknown("model", tableModels, core.LLMSIZE_ERR_UNKNOWN_MODEL, name)
	}
	m := tableRow(r.GetModel())
	m.name = name
	out := Resolution{Model: m, How: core.Llmsize_how_name(uint(r.GetHow())),
		FormatFrom: core.Llmsize_format_from_name(uint(r.GetFormat_from())), Matched: r.GetMatched()}
	if f := r.GetFormat(); f.Swigcptr() != 0 {
		out.Format = first(f.GetId())
	}
	return out, nil
}

// modelNamed is Resolve's model for a name under an engine's name.
func modelNamed(name, engine string) (*Model, error) {
	r, err := Resolve(name, engine)
	if err != nil {
		return nil, err
	}
	return r.Model, nil
}

// LookupModel finds a model by any name Resolve reads (case-insensitive).
func LookupModel(name string) (*Model, error) { return modelNamed(name, "") }

// DefaultFormat is the format a deployment on engine loads when none is named: what the
// name the model was looked up by states, else the checkpoint as released (GGUF Q4_K_M for
// a 16-bit checkpoint under llama.cpp / Ollama). ErrUnsupported when the name names a
// format the table lacks.
func (m *Model) DefaultFormat(engine Engine) (string, error) {
	defer runtime.KeepAlive(m)
	f := core.Llmsize_default_format(m.name, m.p, int(engine))
	if f.Swigcptr() == 0 {
		return "", &Error{Status: int(core.LLMSIZE_ERR_UNSUPPORTED), Name: m.name,
			Msg: fmt.Sprintf("llmsize: %q names a format llmsize does not know; give Format", m.name)}
	}
	return first(f.GetId()), nil
}

// ModelFromHFConfig describes a model that is not in the table from the text of its
// Hugging Face config.json.
func ModelFromHFConfig(config []byte) (*Model, error) {
	r := core.Llmsize_model_from_json(string(config))
	if st := r.GetStatus(); st != 0 {
		core.DeleteLlmsize_model_result(r)
		return nil, statusErr(st, "config.json")
	}
	m := newModel(r.GetModel())
	m.own = r // m.p points into r: free r with the last reference to m
	runtime.SetFinalizer(m, func(m *Model) { core.DeleteLlmsize_model_result(m.own) })
	return m, nil
}

// Models lists the table.
func Models() []*Model {
	n := int(core.Llmsize_model_count())
	out := make([]*Model, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, tableRow(core.Llmsize_model_at(int64(i))))
	}
	return out
}

// GPU is an accelerator from the table.
type GPU struct {
	ID, Name, Vendor string
	Aliases          []string // nvidia-smi names, GPU Feature Discovery product labels, …
	MemoryBytes      uint64
	BandwidthGBs     float64
	MemoryOptions    []int // GB sizes the part is sold with (nil: one)
	MemoryAssumed    bool  // the name gave no size and the part has several: the row's was used

	a core.Llmsize_gpu // the C accelerator (a table row, or a copy kept in gpuCopies)
}

// LookupGPU finds an accelerator by id, nvidia-smi name, GFD `nvidia.com/gpu.product` label,
// GKE `cloud.google.com/gke-accelerator` value, or a chip with its memory ("M3 Max 36GB").
// A name several accelerators fit wraps ErrAmbiguous, with the candidates as suggestions.
func LookupGPU(name string) (*GPU, error) {
	r, err := resolveGPU(name)
	if err != nil {
		return nil, err
	}
	g := newGPU(r.a)
	g.MemoryAssumed = r.assumed
	return g, nil
}

// DescribeGPU is an accelerator the table lacks, from its memory (GiB), bandwidth (GB/s) and,
// optionally, dense 16-bit TFLOPS (0: unknown, no TTFT). kind picks the decode calibration:
// datacenter, consumer ("" too), apple, unified or cpu. Use it with FitRequest.WithGPU.
func DescribeGPU(memGiB, bandwidthGBs, bf16TFLOPS float64, kind string) (*GPU, error) {
	kinds := hwClassNames
	if kind == "" {
		kind = "consumer"
	}
	cls := -1
	for i, k := range kinds {
		if k == kind {
			cls = i
		}
	}
	if cls < 0 {
		return nil, &Error{Status: int(core.LLMSIZE_ERR_INVALID_ARG), Msg: "llmsize: kind must be one of " + strings.Join(kinds, ", ")}
	}
	r := core.Llmsize_describe_gpu_get(memGiB, bandwidthGBs, bf16TFLOPS, cls)
	if st := r.GetStatus(); st != 0 {
		core.DeleteLlmsize_gpu_out(r)
		return nil, statusErr(st, "described accelerator")
	}
	g := newGPU(r.GetValue().GetGpu())
	keepGPU(g, r)
	return g, nil
}

// gpuCopies keeps the C copies that described GPUs and rows with a stated memory point at:
// one per (id, memory) for named ones (a bounded set), one per DescribeGPU value until it is
// collected.
var (
	gpuCopiesMu sync.Mutex
	gpuCopies   = map[string]core.Llmsize_gpu_out{}
)

func keepGPU(g *GPU, r core.Llmsize_gpu_out) {
	runtime.SetFinalizer(g, func(*GPU) { core.DeleteLlmsize_gpu_out(r) })
}

type gpuResolution struct {
	a       core.Llmsize_gpu
	assumed bool
}

func resolveGPU(name string) (gpuResolution, error) {
	r := core.Llmsize_resolve_gpu_get(name)
	switch st := r.GetStatus(); st {
	case int(core.LLMSIZE_OK):
	case int(core.LLMSIZE_ERR_AMBIGUOUS):
		core.DeleteLlmsize_gpu_out(r)
		u := unknown("GPU", tableGPUs, core.LLMSIZE_ERR_AMBIGUOUS, name).(*Error)
		u.Msg = fmt.Sprintf("llmsize: %q fits more than one accelerator (name the GPU cores or the memory)", name)
		return gpuResolution{}, u
	default:
		core.DeleteLlmsize_gpu_out(r)
		return gpuResolution{}, unknown("GPU", tableGPUs, core.LLMSIZE_ERR_UNKNOWN_GPU, name)
	}
	v := r.GetValue()
	if v.GetMemory_from() == 0 { // the row as it is: static C memory
		out := gpuResolution{a: v.GetRow(), assumed: v.GetMemory_choices() > 1}
		core.DeleteLlmsize_gpu_out(r)
		return out, nil
	}
	key := fmt.Sprintf("%s/%d", first(v.GetGpu().GetId()), v.GetGpu().GetMem_bytes())
	gpuCopiesMu.Lock()
	defer gpuCopiesMu.Unlock()
	if kept, ok := gpuCopies[key]; ok {
		core.DeleteLlmsize_gpu_out(r)
		return gpuResolution{a: kept.GetValue().GetGpu()}, nil
	}
	gpuCopies[key] = r
	return gpuResolution{a: v.GetGpu()}, nil
}

func newGPU(a core.Llmsize_gpu) *GPU {
	g := &GPU{ID: first(a.GetId()), Name: a.GetName(), Vendor: a.GetVendor(), MemoryBytes: a.GetMem_bytes(),
		BandwidthGBs: a.GetBw_gbs(), a: a}
	for _, s := range strings.Split(a.GetMemory_options(), "|") {
		if n, err := strconv.Atoi(s); err == nil {
			g.MemoryOptions = append(g.MemoryOptions, n)
		}
	}
	for _, s := range strings.Split(a.GetAliases(), "|") {
		if s != "" {
			g.Aliases = append(g.Aliases, s)
		}
	}
	return g
}

// GPUs lists the accelerator table.
func GPUs() []*GPU {
	n := int(core.Llmsize_gpu_count())
	out := make([]*GPU, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, newGPU(core.Llmsize_gpu_at(int64(i))))
	}
	return out
}

// Params is a model's parameter count by component.
type Params struct {
	Embed, LMHead, Attn, FFNDense, Experts, SharedExperts, Router, Norms, LinearAttn, Vision, MTP uint64
	Text, Total, Active                                                                           uint64
}

// Params counts the model's parameters exactly.
func (m *Model) Params() (Params, error) {
	defer runtime.KeepAlive(m) // a config-built m owns the memory m.p points to
	r := core.Llmsize_params_get(m.p)
	defer core.DeleteLlmsize_params_out(r)
	if err := statusErr(r.GetStatus(), m.ID); err != nil {
		return Params{}, err
	}
	v := r.GetValue()
	at := func(k core.Enum_SS_llmsize_component) uint64 { return core.Llmsize_params_component(v, uint(k)) }
	return Params{Embed: at(core.LLMSIZE_COMPONENT_EMBED), LMHead: at(core.LLMSIZE_COMPONENT_LM_HEAD),
		Attn: at(core.LLMSIZE_COMPONENT_ATTN), FFNDense: at(core.LLMSIZE_COMPONENT_FFN_DENSE),
		Experts: at(core.LLMSIZE_COMPONENT_EXPERTS), SharedExperts: at(core.LLMSIZE_COMPONENT_SHARED_EXPERTS),
		Router: at(core.LLMSIZE_COMPONENT_ROUTER), Norms: at(core.LLMSIZE_COMPONENT_NORMS),
		LinearAttn: at(core.LLMSIZE_COMPONENT_LINEAR_ATTN), Vision: at(core.LLMSIZE_COMPONENT_VISION),
		MTP: at(core.LLMSIZE_COMPONENT_MTP), Text: v.GetText(), Total: v.GetTotal(), Active: v.GetActive()}, nil
}

func format(name string) (core.Llmsize_format, error) {
	f := core.Llmsize_format_named(name)
	if f.Swigcptr() == 0 {
		return nil, unknown("format", tableFormats, core.LLMSIZE_ERR_UNKNOWN_FORMAT, name)
	}
	return f, nil
}

func gpu(name string) (core.Llmsize_gpu, error) {
	r, err := resolveGPU(name)
	return r.a, err
}

// WeightBytes is the exact byte size of the model's weights in a format.
func (m *Model) WeightBytes(formatName string) (uint64, error) {
	f, err := format(formatName)
	if err != nil {
		return 0, err
	}
	defer runtime.KeepAlive(m)
	r := core.Llmsize_weights_get(m.p, f)
	defer core.DeleteLlmsize_weights_out(r)
	if err := statusErr(r.GetStatus(), m.ID+" "+formatName); err != nil {
		return 0, err
	}
	return r.GetValue().GetTotal(), nil
}

// KVBytes is the KV cache for seqs sequences of context tokens.
func (m *Model) KVBytes(context uint64, seqs uint32, dtype string) (uint64, error) {
	d, err := kvDtype(dtype)
	if err != nil {
		return 0, err
	}
	defer runtime.KeepAlive(m)
	r := core.Llmsize_kv_get(m.p, context, uint(seqs), d)
	defer core.DeleteLlmsize_u64_out(r)
	if err := statusErr(r.GetStatus(), m.ID); err != nil {
		return 0, err
	}
	return r.GetValue(), nil
}

// IsEncoder reports whether the model is an encoder (BERT family, Whisper): it keeps no
// KV cache across requests; size it with ActivationBytes.
func (m *Model) IsEncoder() bool {
	defer runtime.KeepAlive(m)
	return uint(m.p.GetFlags())&uint(core.LLMSIZE_F_ENCODER) != 0
}

// ActivationBytes is the peak activation memory of one forward pass over batch inputs of
// seq tokens (an estimate from the layer shapes; eager adds the seq x seq scores).
func (m *Model) ActivationBytes(batch, seq uint64, eager bool) (uint64, error) {
	e := 0
	if eager {
		e = 1
	}
	defer runtime.KeepAlive(m)
	r := core.Llmsize_activation_get(m.p, batch, seq, e)
	defer core.DeleteLlmsize_u64_out(r)
	if err := statusErr(r.GetStatus(), m.ID); err != nil {
		return 0, err
	}
	return r.GetValue(), nil
}

// GGUFTypeCount is what a GGUF file holds of one ggml type.
type GGUFTypeCount struct {
	Tensors uint32
	Bytes   uint64
}

// GGUFMix gives, for a GGUF file type, the tensors and bytes of each ggml type llama.cpp's
// quantizer writes, keyed by the name its loader prints ("q4_K").
func (m *Model) GGUFMix(formatName string) (map[string]GGUFTypeCount, error) {
	f, err := format(formatName)
	if err != nil {
		return nil, err
	}
	defer runtime.KeepAlive(m)
	r := core.Llmsize_gguf_mix_get(m.p, f)
	defer core.DeleteLlmsize_mix_out(r)
	if err := statusErr(r.GetStatus(), m.ID+" "+formatName); err != nil {
		return nil, err
	}
	out := map[string]GGUFTypeCount{}
	v := r.GetValue()
	for t := uint(0); t < uint(core.LLMSIZE_GGML_TYPE_COUNT); t++ {
		if n := core.Llmsize_mix_tensors(v, t); n != 0 {
			out[core.Llmsize_ggml_type_name(t)] = GGUFTypeCount{Tensors: uint32(n), Bytes: core.Llmsize_mix_bytes(v, t)}
		}
	}
	return out, nil
}

// ---------------------------------------------------------------------------------------
// Fits
// ---------------------------------------------------------------------------------------

// FitRequest describes a deployment. Zero values mean the engine's defaults.
type FitRequest struct {
	Model   string  // id or Hugging Face repo
	Format  string  // "" = what the model's name says, else its checkpoint (Model.DefaultFormat)
	GPU     string  // id, nvidia-smi name or GPU Feature Discovery product label
	Engine  string  // vllm, sglang, llamacpp, ollama, trtllm, with or without "@version"; "" = none
	// EngineVersion is the engine release whose rules apply ("0.11", "b6550"); "" = the
	// version in Engine, else the engine's current release.
	EngineVersion string
	GPUs    uint32  // accelerators (0 = 1): tensor-parallel ranks, or layers split over them (llama.cpp, Ollama)
	Context uint64  // tokens per sequence (0 = engine default)
	Seqs    uint32  // concurrent sequences (0 = engine default)
	KVDtype string  // "" = f16
	GPUUtil float64 // vLLM gpu_memory_utilization / SGLang mem_fraction_static (0 = default)

	model *Model // a Model value instead of Model (ModelFromHFConfig)
	gpu   *GPU   // a GPU value instead of GPU (DescribeGPU)
}

// WithModel uses a Model value (e.g. from ModelFromHFConfig) instead of the Model name.
func (r FitRequest) WithModel(m *Model) FitRequest { r.model = m; return r }

// WithGPU uses a GPU value (e.g. from DescribeGPU) instead of the GPU name.
func (r FitRequest) WithGPU(g *GPU) FitRequest { r.gpu = g; return r }

// Suggestion is one change that would make a plan fit (zero fields: none found).
type Suggestion struct {
	Format  string
	GPUs    uint32
	Context uint64
	Seqs    uint32
}

// FitResult is a plan's verdict and per-accelerator budget: every field of the library's
// llmsize_plan_result (PlanFigures, generated from it), and what would fit instead.
type FitResult struct {
	Model, Format, GPU string
	Engine             Engine
	EngineVersion      string // the release whose rules applied
	Outcome            string // what the engine does: starts, refuses, out_of_memory, offloads
	PlanFigures
	Suggestion *Suggestion // when it does not fit
}

// planOf builds a plan: tp, pp, dp as a command line names them (0 = unset), gpus the
// accelerators the engine lays out where it names none (llmsize_engine_splits_layers).
func planOf(m *Model, f core.Llmsize_format, a core.Llmsize_gpu, engine Engine, rel core.Llmsize_engine_release,
	tp, gpus uint32, context uint64, seqs uint32, kv int, util float64, flags uint32, pp, dp uint32, batched uint64,
	ubatch uint32, gpuLayers int32, cpuMoe, cpuMoeFirst uint32, maxSeqs uint32) core.Llmsize_plan {
	if rel == nil {
		rel = core.SwigcptrLlmsize_engine_release(0)
	}
	return core.Llmsize_plan_make(m.p, f, a, int(engine), uint(tp), uint(pp), uint(dp), uint(gpus), context, uint(seqs), kv, util,
		batched, uint(ubatch), 0, int(gpuLayers), uint(cpuMoe), uint(cpuMoeFirst), 0, uint(flags), 0, 0, rel, uint(maxSeqs))
}

// fitPlan runs the plan in one cgo call (override: fit at context x seqs instead of the
// plan's own) and reads the flat result.
func fitPlan(plan core.Llmsize_plan, override bool, context uint64, seqs uint32, m *Model, formatID, gpuID string,
	engine Engine, rel core.Llmsize_engine_release) (FitResult, error) {
	defer runtime.KeepAlive(m)
	var v [planFigureCount]uint64
	if st := core.Llmsize_plan_fit_flat(plan, b2i(override), context, uint(seqs), v[:]); st != 0 {
		what := m.ID
		if why := core.Llmsize_plan_why(plan); why != "" { // the field and the rule it broke
			what += " (" + why + ")"
		}
		return FitResult{}, statusErr(st, what)
	}
	out := FitResult{Model: m.ID, Format: formatID, GPU: gpuID, Engine: engine, EngineVersion: releaseVersion(engine, rel),
		PlanFigures: planFigures(v[:])}
	out.Outcome = core.Llmsize_outcome_name(uint(out.PlanFigures.Outcome))
	if !out.Fits {
		out.Suggestion = suggest(plan, override, context, seqs)
	}
	return out, nil
}

// suggest asks the library for the smallest changes that would fit (nil: none found).
func suggest(plan core.Llmsize_plan, override bool, context uint64, seqs uint32) *Suggestion {
	if override { // the suggestion solver needs a plan struct that says context x seqs
		p := core.Llmsize_plan_with(plan, context, uint(seqs))
		defer core.DeleteLlmsize_plan(p)
		plan = p
	}
	s := core.Llmsize_plan_suggest_get(plan)
	defer core.DeleteLlmsize_suggestion_out(s)
	if s.GetStatus() != 0 {
		return nil
	}
	sv := s.GetValue()
	sug := &Suggestion{GPUs: uint32(sv.GetGpus()), Context: sv.GetContext(), Seqs: uint32(sv.GetSeqs())}
	if f := sv.GetFormat(); f.Swigcptr() != 0 {
		sug.Format = first(f.GetId())
	}
	if *sug == (Suggestion{}) {
		return nil
	}
	return sug
}

// resolved is a FitRequest with its names looked up.
type resolved struct {
	m      *Model
	g      *GPU // keeps a described GPU's C copy alive while the plan points at it
	f      core.Llmsize_format
	a      core.Llmsize_gpu
	engine Engine
	rel    core.Llmsize_engine_release
	kv     int
}

func (req FitRequest) resolve() (r resolved, err error) {
	if r.engine, r.rel, err = engineRelease(req.Engine, req.EngineVersion); err != nil {
		return r, err
	}
	if r.m = req.model; r.m == nil { // read the name as the engine would (Ollama: its library first)
		res, err := Resolve(req.Model, req.Engine)
		if err != nil {
			return r, err
		}
		r.m = res.Model
	}
	fname := req.Format
	if fname == "" {
		if fname, err = r.m.DefaultFormat(r.engine); err != nil {
			return r, err
		}
	}
	if r.f, err = format(fname); err != nil {
		return r, err
	}
	if req.gpu != nil {
		r.a, r.g = req.gpu.a, req.gpu
	} else if r.a, err = gpu(req.GPU); err != nil {
		return r, err
	}
	if r.kv, err = kvDtype(req.KVDtype); err != nil {
		return r, err
	}
	if req.GPUUtil < 0 || req.GPUUtil > 1 || req.GPUUtil != req.GPUUtil {
		return r, &Error{Status: int(core.LLMSIZE_ERR_INVALID_ARG), Msg: "llmsize: GPUUtil must be in (0, 1]"}
	}
	return r, nil
}

func (req FitRequest) plan(r resolved) core.Llmsize_plan {
	return planOf(r.m, r.f, r.a, r.engine, r.rel, 0, req.GPUs, req.Context, req.Seqs, r.kv, req.GPUUtil, 0, 0, 0, 0, 0, 0, 0, 0, 0)
}

// Fit sizes a deployment under its engine's rules.
func Fit(req FitRequest) (FitResult, error) {
	r, err := req.resolve()
	if err != nil {
		return FitResult{}, err
	}
	defer runtime.KeepAlive(r.g)
	plan := req.plan(r)
	defer core.DeleteLlmsize_plan(plan)
	return fitPlan(plan, false, 0, 0, r.m, first(r.f.GetId()), first(r.a.GetId()), r.engine, r.rel)
}

// Deployment is a FitRequest with its names resolved and its weights and parameters
// folded once: Fit then costs one call into C. Safe for concurrent use.
type Deployment struct {
	r               resolved
	d               core.Llmsize_held_plan
	plan            core.Llmsize_plan
	formatID, gpuID string
}

// Prepare resolves a request for repeated fits at different contexts and user counts.
func Prepare(req FitRequest) (*Deployment, error) {
	r, err := req.resolve()
	if err != nil {
		return nil, err
	}
	defer runtime.KeepAlive(r.g)
	plan := req.plan(r)
	defer core.DeleteLlmsize_plan(plan)
	d := core.Llmsize_hold_plan(plan)
	if d.Swigcptr() == 0 { // the plan is bad: fitting it says why
		if _, err := fitPlan(plan, false, 0, 0, r.m, "", "", r.engine, r.rel); err != nil {
			return nil, err
		}
		return nil, errors.New("llmsize: out of memory")
	}
	out := &Deployment{r: r, d: d, plan: core.Llmsize_held_plan_plan(d), formatID: first(r.f.GetId()), gpuID: first(r.a.GetId())}
	runtime.SetFinalizer(out, func(x *Deployment) { core.Llmsize_held_plan_free(x.d) })
	return out, nil
}

// Fit sizes the deployment for seqs sequences of context tokens (0 = engine defaults).
func (d *Deployment) Fit(context uint64, seqs uint32) (FitResult, error) {
	defer runtime.KeepAlive(d)
	return fitPlan(d.plan, true, context, seqs, d.r.m, d.formatID, d.gpuID, d.r.engine, d.r.rel)
}

// ---------------------------------------------------------------------------------------
// Command lines
// ---------------------------------------------------------------------------------------

// Plan is an engine command line parsed into settings (no hardware yet).
type Plan struct {
	Engine       Engine
	Model        *Model // nil when the model named is not in the table (ModelArg says what it was)
	Format       string // "" when neither a flag nor the name says
	ModelArg     string
	QuantArg     string
	TP, PP, DP   uint32
	Context      uint64
	Seqs         uint32
	KVDtype      string  // "f16" unless a flag says otherwise
	GPUUtil      float64 // vLLM --gpu-memory-utilization / SGLang --mem-fraction-static (0 = default)
	ContextAuto  bool    // vLLM --max-model-len auto / -1: the largest context that fits
	MaxSeqs      uint32  // vLLM --max-num-seqs / SGLang --max-running-requests: a cap, not sequences to fit
	UnknownFlags uint32
	IgnoredFlags []string // the first of those flags, as written (up to any '=')
	// EngineVersion is the engine release the command runs on ("0.11", "b6550"; set it
	// before Fit); "" = the engine's current release.
	EngineVersion string

	kv      int
	util    float64
	flags   uint32
	batched uint64
	ubatch  uint32
	ngl     int32
	cpuMoe  uint32
	// cpuMoeFirst: the first layer of the cpuMoe whose experts stay on the CPU (llama.cpp -ot)
	cpuMoeFirst uint32
}

// PlanFromArgs parses an engine's argv (vllm serve, python -m vllm.entrypoints.openai.api_server,
// python -m sglang.launch_server, llama-server, ollama run/serve, trtllm-serve) and, for
// Ollama, OLLAMA_* variables from env. A malformed value returns an error wrapping
// ErrParse whose Name is the flag.
func PlanFromArgs(args []string, env map[string]string) (Plan, error) {
	for _, a := range args { // a C string ends at NUL: the arguments after it would vanish silently
		if strings.ContainsAny(a, "\x1f\x00") {
			return Plan{}, &Error{Status: int(core.LLMSIZE_ERR_INVALID_ARG), Msg: "llmsize: argument contains \\x00 or \\x1f"}
		}
	}
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	kv := make([]string, 0, len(env))
	for _, k := range keys {
		if strings.ContainsAny(k+env[k], "\x1f\x00") {
			return Plan{}, &Error{Status: int(core.LLMSIZE_ERR_INVALID_ARG), Msg: "llmsize: environment contains \\x00 or \\x1f"}
		}
		kv = append(kv, k+"="+env[k])
	}
	r := core.Llmsize_parse_args(strings.Join(args, "\x1f"), strings.Join(kv, "\x1f"))
	defer core.DeleteLlmsize_parse_result(r)
	switch st := r.GetStatus(); st {
	case 0:
	case int(core.LLMSIZE_ERR_PARSE):
		flag := r.GetError_flag()
		return Plan{}, &Error{Status: st, Msg: "llmsize: cannot parse the value of " + flag, Name: flag}
	case int(core.LLMSIZE_ERR_UNKNOWN_ENGINE):
		name := ""
		if len(args) > 0 {
			name = args[0]
		}
		return Plan{}, &Error{Status: st, Msg: fmt.Sprintf("llmsize: %q does not start a known serving engine", name), Name: name}
	default:
		return Plan{}, statusErr(st, "")
	}
	p := r.GetPlan()
	out := Plan{Engine: Engine(p.GetEngine()), ModelArg: r.GetModel_arg(), QuantArg: r.GetQuant_arg(),
		TP: uint32(p.GetTp()), PP: uint32(p.GetPp()), DP: uint32(p.GetDp()), Context: p.GetContext(),
		Seqs: uint32(p.GetSeqs()), UnknownFlags: uint32(r.GetUnknown_flags()), IgnoredFlags: strings.Fields(r.GetUnknown_names()), kv: int(p.GetKv_dtype()),
		util: p.GetMem_fraction(), flags: uint32(p.GetFlags()), batched: p.GetBatched_tokens(), ubatch: uint32(p.GetUbatch()),
		ngl: int32(p.GetGpu_layers()), cpuMoe: uint32(p.GetCpu_moe_layers()), cpuMoeFirst: uint32(p.GetCpu_moe_first()), MaxSeqs: uint32(p.GetMax_seqs())}
	out.KVDtype = core.Llmsize_kv_dtype_name(core.Enum_SS_llmsize_kv_dtype(out.kv))
	out.GPUUtil = out.util
	out.ContextAuto = out.flags&uint32(core.LLMSIZE_PLAN_CONTEXT_AUTO) != 0
	if m := p.GetModel(); m.Swigcptr() != 0 {
		out.Model = tableRow(m)
	}
	if f := p.GetFormat(); f.Swigcptr() != 0 {
		out.Format = first(f.GetId())
	}
	return out, nil
}

// Fit sizes the parsed plan on a node of gpus accelerators of one kind (0 = what the command
// line's parallelism says), under the rules of p.EngineVersion. vLLM, SGLang and
// TensorRT-LLM run the -tp x -pp x -dp the command names (1 without flags): a node with fewer
// GPUs is an error; llama.cpp and Ollama spread over every GPU they see.
func (p Plan) Fit(gpuName string, gpus uint32) (FitResult, error) {
	g, err := LookupGPU(gpuName)
	if err != nil {
		return FitResult{}, err
	}
	return p.FitOn(g, gpus)
}

// FitOn is Fit on a GPU value: a table row from LookupGPU, or one DescribeGPU made (a part
// the table lacks, a MIG slice).
func (p Plan) FitOn(g *GPU, gpus uint32) (FitResult, error) {
	if g == nil {
		return FitResult{}, &Error{Status: int(core.LLMSIZE_ERR_NULL), Msg: "llmsize: no GPU"}
	}
	defer runtime.KeepAlive(g)
	if p.Model == nil {
		return FitResult{}, unknown("model", tableModels, core.LLMSIZE_ERR_UNKNOWN_MODEL, p.ModelArg)
	}
	if p.Format == "" {
		return FitResult{}, &Error{Status: int(core.LLMSIZE_ERR_UNSUPPORTED),
			Msg: "llmsize: the command line does not say the weight format"}
	}
	f, err := format(p.Format)
	if err != nil {
		return FitResult{}, err
	}
	a := g.a
	_, rel, err := engineRelease(p.Engine.String(), p.EngineVersion)
	if err != nil {
		return FitResult{}, err
	}
	tp := p.TP
	if need := uint64(p.TP) * uint64(max1(p.PP)) * uint64(max1(p.DP)); tp > 0 && gpus > 0 && need > uint64(gpus) {
		return FitResult{}, &Error{Status: int(core.LLMSIZE_ERR_INVALID_ARG),
			Msg: fmt.Sprintf("llmsize: the command runs on %d GPUs (tp %d x pp %d x dp %d); the node has %d", need, p.TP,
				max1(p.PP), max1(p.DP), gpus)}
	}
	spread := uint32(0) // the node's GPUs, for an engine whose command line names no layout
	if tp == 0 {
		spread = gpus
	}
	plan := planOf(p.Model, f, a, p.Engine, rel, tp, spread, p.Context, p.Seqs, p.kv, p.util, p.flags, p.PP, p.DP, p.batched,
		p.ubatch, p.ngl, p.cpuMoe, p.cpuMoeFirst, p.MaxSeqs)
	defer core.DeleteLlmsize_plan(plan)
	return fitPlan(plan, false, 0, 0, p.Model, p.Format, first(a.GetId()), p.Engine, rel)
}

func max1(v uint32) uint32 {
	if v == 0 {
		return 1
	}
	return v
}

// ---------------------------------------------------------------------------------------
// Licences and selection
// ---------------------------------------------------------------------------------------

// Use describes what you will do with a model (zero = no / none).
type Use struct {
	Commercial     bool
	MAU            uint64 // monthly active users now
	MAUAtRelease   uint64 // ... in the month before the model's release (Llama's test); 0 = MAU
	RevenueUSD     float64
	EU             bool
	Multimodal     bool
	Redistribute   bool
	TrainOnOutputs bool
	Offered        bool // the model, or a product or service with it, is made available to others
}

// ParseUse reads a use in its text form, as annotations and flags write it:
// "commercial,offered,eu,multimodal,redistribute,train,mau=1e6,mau_at_release=5e5,revenue=2e7"
// (revenue in USD per month). A malformed list returns an error wrapping ErrParse.
func ParseUse(spec string) (Use, error) {
	r := core.Llmsize_use_parse(spec)
	defer core.DeleteLlmsize_use_out(r)
	if err := statusErr(r.GetStatus(), fmt.Sprintf("use %q", spec)); err != nil {
		return Use{}, err
	}
	v := r.GetValue()
	return Use{Commercial: v.GetCommercial() != 0, MAU: v.GetMau(), MAUAtRelease: v.GetMau_at_release(),
		RevenueUSD: v.GetRevenue_usd(), EU: v.GetEu() != 0, Multimodal: v.GetMultimodal() != 0,
		Redistribute: v.GetRedistribute() != 0, TrainOnOutputs: v.GetTrain_on_outputs() != 0, Offered: v.GetOffered() != 0}, nil
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (u Use) make() core.Llmsize_use {
	return core.Llmsize_use_make(b2i(u.Commercial), u.MAU, u.MAUAtRelease, u.RevenueUSD, b2i(u.EU), b2i(u.Multimodal),
		b2i(u.Redistribute), b2i(u.TrainOnOutputs), b2i(u.Offered))
}

// Finding is one licence reason or obligation, citing its clause.
type Finding struct {
	License string
	Verdict Verdict
	Text    string
	Clause  string
}

// LicenseResult says whether a use is allowed, with obligations and reasons.
type LicenseResult struct {
	Verdict     Verdict
	Obligations []Finding
	Reasons     []Finding
}

// Allowed is true when the use is allowed (obligations may apply).
func (r LicenseResult) Allowed() bool {
	return r.Verdict == VerdictAllowed || r.Verdict == VerdictAllowedWithObligations
}

// CheckLicense checks a use against every licence the model carries.
func CheckLicense(model string, use Use) (LicenseResult, error) {
	m, err := LookupModel(model)
	if err != nil {
		return LicenseResult{}, err
	}
	if use.RevenueUSD < 0 || use.RevenueUSD != use.RevenueUSD {
		return LicenseResult{}, &Error{Status: int(core.LLMSIZE_ERR_INVALID_ARG), Msg: "llmsize: revenue must be a non-negative number"}
	}
	u := use.make()
	defer core.DeleteLlmsize_use(u)
	r := core.Llmsize_license_get(m.p, u)
	defer core.DeleteLlmsize_license_out(r)
	if err := statusErr(r.GetStatus(), m.ID); err != nil {
		return LicenseResult{}, err
	}
	v := r.GetValue()
	out := LicenseResult{Verdict: Verdict(v.GetVerdict())}
	find := func(f core.Llmsize_finding) Finding {
		defer core.DeleteLlmsize_finding(f)
		return Finding{License: f.GetLicense(), Verdict: Verdict(f.GetVerdict()), Text: f.GetText(), Clause: f.GetClause()}
	}
	for i := 0; i < int(v.GetN_obligations()); i++ {
		out.Obligations = append(out.Obligations, find(core.Llmsize_license_obligation(v, i)))
	}
	for i := 0; i < int(v.GetN_reasons()); i++ {
		out.Reasons = append(out.Reasons, find(core.Llmsize_license_reason(v, i)))
	}
	return out, nil
}

// SelectRequest is a deployment to choose a model for.
type SelectRequest struct {
	GPU           string
	GPUs          uint32
	Engine        string
	Seqs          uint32
	Context       uint64
	MinTPS        float64 // decode tok/s each sequence needs
	MaxLossPct    float64 // quality floor (0 = none)
	Use           *Use    // licence screen (nil = none)
	OriginExclude []string
	OriginRequire []string // ISO codes, or "EU"
	Tasks         []string // chat, code, reasoning, multilingual, vision, long-context, embedding
	Models        []string // rank only these (any names Resolve reads; nil = every model)
}

// SelectDefaults is a request for gpu with the library's recommendation floors
// (llmsize_select_request_init): reading speed per user, a 10 % quality-loss floor and the
// chat task. Select takes a request as given: a zero SelectRequest has no floors.
func SelectDefaults(gpu string) SelectRequest {
	q := core.NewLlmsize_select_request()
	defer core.DeleteLlmsize_select_request(q)
	core.Llmsize_select_request_init(q)
	req := SelectRequest{GPU: gpu, MinTPS: q.GetMin_tps(), MaxLossPct: q.GetMax_loss_pct()}
	for name, bit := range taskBits {
		if uint(q.GetTasks())&bit != 0 {
			req.Tasks = append(req.Tasks, name)
		}
	}
	sort.Strings(req.Tasks)
	return req
}

// Candidate is a model in Select's answer.
type Candidate struct {
	Rank          int
	Model, Format string
	Rejected      Reject
	Reason        string
	DecodeTPS     float64
	LossPct       float64
	WeightBytes   uint64
	HeadroomBytes int64
}

// taskBits are the library's task tags by name: bit i is llmsize_task_name(i).
var taskBits = func() map[string]uint {
	out := make(map[string]uint, len(taskNames))
	for i, n := range taskNames {
		out[n] = 1 << uint(i)
	}
	return out
}()

// Select ranks every model in the table, or req.Models, for a deployment: candidates best
// first, then the rejected ones with the first constraint each failed. A model listed
// twice is ranked once; an empty, non-nil Models is an error.
func Select(req SelectRequest) (candidates, rejected []Candidate, err error) {
	a, err := gpu(req.GPU)
	if err != nil {
		return nil, nil, err
	}
	engine, err := ParseEngine(req.Engine)
	if err != nil {
		return nil, nil, err
	}
	var tasks uint
	for _, t := range req.Tasks {
		bit, ok := taskBits[t]
		if !ok {
			return nil, nil, &Error{Status: int(core.LLMSIZE_ERR_INVALID_ARG), Msg: "llmsize: unknown task " + t, Name: t}
		}
		tasks |= bit
	}
	var use core.Llmsize_use = core.SwigcptrLlmsize_use(0)
	if req.Use != nil {
		use = req.Use.make()
		defer core.DeleteLlmsize_use(use)
	}
	var list core.Llmsize_model_list = core.SwigcptrLlmsize_model_list(0)
	if req.Models != nil {
		if len(req.Models) == 0 {
			return nil, nil, &Error{Status: int(core.LLMSIZE_ERR_INVALID_ARG), Msg: "llmsize: Models is empty: it ranks nothing"}
		}
		listed := make([]*Model, len(req.Models))
		for i, name := range req.Models {
			if listed[i], err = modelNamed(name, req.Engine); err != nil {
				return nil, nil, err
			}
		}
		if list = core.Llmsize_model_list_new(len(listed)); list.Swigcptr() == 0 {
			return nil, nil, &Error{Status: int(core.LLMSIZE_ERR_INVALID_ARG), Msg: "llmsize: Models is longer than a list holds"}
		}
		defer core.Llmsize_model_list_free(list)
		for i, m := range listed {
			if err := statusErr(core.Llmsize_model_list_set(list, i, m.p), m.name); err != nil {
				return nil, nil, err
			}
		}
		defer runtime.KeepAlive(listed)
	}
	s := core.Llmsize_select_run(a, uint(req.GPUs), int(engine), uint(req.Seqs), req.Context, 0, req.MinTPS, 0,
		req.MaxLossPct, core.SwigcptrLlmsize_format(0), use, 0, strings.Join(req.OriginExclude, ","),
		strings.Join(req.OriginRequire, ","), tasks, list)
	if s.Swigcptr() == 0 {
		return nil, nil, errors.New("llmsize: out of memory")
	}
	defer core.Llmsize_selection_free(s)
	if err := statusErr(s.GetStatus(), ""); err != nil {
		return nil, nil, err
	}
	for i := 0; i < int(s.GetN()); i++ {
		c := core.Llmsize_selection_at(s, i)
		out := Candidate{Rank: int(c.GetRank()), Model: first(c.GetModel().GetId()), Rejected: Reject(c.GetRejected()),
			Reason: c.GetReason(), DecodeTPS: c.GetDecode_tps(), LossPct: c.GetQuality().GetLoss_pct(),
			WeightBytes: c.GetFit().GetWeight_bytes(), HeadroomBytes: c.GetFit().GetHeadroom_bytes()}
		if f := c.GetFormat(); f.Swigcptr() != 0 {
			out.Format = first(f.GetId())
		}
		core.DeleteLlmsize_candidate(c)
		if out.Rejected == RejectNone {
			candidates = append(candidates, out)
		} else {
			rejected = append(rejected, out)
		}
	}
	return candidates, rejected, nil
}

// ---------------------------------------------------------------------------------------
// Exact mode: file headers
// ---------------------------------------------------------------------------------------

// Components are the parts of a model llmsize sizes separately, in the library's order
// (llmsize_component_name).
var Components = func() []string {
	out := make([]string, int(core.LLMSIZE_COMPONENT_COUNT))
	for i := range out {
		out[i] = core.Llmsize_component_name(uint(i))
	}
	return out
}()

// FileInfo is a GGUF or safetensors header read exactly.
type FileInfo struct {
	Kind                 string // "gguf" or "safetensors"
	Version              uint32
	Tensors, HeaderBytes uint64
	TensorBytes, Params  uint64
	Arch, Format         string            // GGUF: architecture and the table's format for its file type
	Matches              string            // the table model it holds ("" = none)
	Bytes, ParamsBy      map[string]uint64 // by component (Components)
	OtherBytes           uint64
	PredictedBytes       uint64 // the matched model's prediction in that format (0 = none)
}

// byComponent reads the by_component figures of an llmsize_weights or llmsize_params by name.
func byComponent(at func(i uint) uint64) map[string]uint64 {
	out := make(map[string]uint64, len(Components))
	for i, name := range Components {
		out[name] = at(uint(i))
	}
	return out
}

// Inspect reads a GGUF (v2, v3) or safetensors header from the first bytes of a file (a
// prefix is enough). A short prefix returns an error wrapping ErrTruncated whose Needed
// says how many bytes to read before calling again.
func Inspect(data []byte) (*FileInfo, error) {
	r := core.Llmsize_inspect_bytes(string(data))
	defer core.DeleteLlmsize_file_out(r)
	v := r.GetValue()
	if st := r.GetStatus(); st != 0 {
		e := statusErr(st, "file header").(*Error)
		if st == int(core.LLMSIZE_ERR_TRUNCATED) {
			e.Needed = v.GetNeeded()
			e.Msg += fmt.Sprintf(" (need %d bytes, have %d)", e.Needed, len(data))
		}
		return nil, e
	}
	p := v.GetParams()
	out := &FileInfo{Kind: "safetensors", Version: uint32(v.GetVersion()), Tensors: v.GetN_tensors(),
		HeaderBytes: v.GetHeader_bytes(), TensorBytes: v.GetBytes().GetTotal(), Params: p.GetTotal(), Arch: v.GetArch(),
		Bytes:    byComponent(func(i uint) uint64 { return core.Llmsize_weights_component(v.GetBytes(), i) }),
		ParamsBy: byComponent(func(i uint) uint64 { return core.Llmsize_params_component(p, i) }), OtherBytes: v.GetOther_bytes()}
	if int(v.GetKind()) == int(core.LLMSIZE_FILE_GGUF) {
		out.Kind = "gguf"
	}
	if f := v.GetFormat(); f.Swigcptr() != 0 {
		out.Format = first(f.GetId())
	}
	if m := r.GetMatch(); m.Swigcptr() != 0 {
		out.Matches = first(m.GetId())
		fname := out.Format
		if fname == "" {
			fname = "bf16"
			if v.GetDtype() == "F32" {
				fname = "f32"
			}
		}
		if row, err := LookupModel(out.Matches); err == nil {
			if w, err := row.WeightBytes(fname); err == nil {
				out.PredictedBytes = w
			}
		}
	}
	return out, nil
}
