package llmsize

import (
	"bufio"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/llmsize/llmsize/bindings/go/internal/core"
)

// The shared test data lives at the repository root, beside the C tests.
var dataDir = filepath.Join("..", "..", "tests", "data")

// rows reads a tab-separated test file, skipping comments.
func rows(t testing.TB, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dataDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.Split(line, "\t"))
		}
	}
	return out
}

func u64(t testing.TB, s string) uint64 {
	t.Helper()
	v, err := strconv.ParseUint(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// checkVector holds one row of tests/data/vectors.tsv (written by tests/gen_vectors.c from
// the C library) against the Go binding: the numbers must be identical.
func checkVector(t testing.TB, r []string) {
	m, err := LookupModel(r[0])
	if err != nil {
		t.Fatalf("%s: %v", r[0], err)
	}
	p, err := m.Params()
	if err != nil || p.Total != u64(t, r[3]) || p.Active != u64(t, r[4]) {
		t.Errorf("%s params = %d/%d (%v), C says %s/%s", r[0], p.Total, p.Active, err, r[3], r[4])
	}
	if w, err := m.WeightBytes(r[1]); err != nil || w != u64(t, r[5]) {
		t.Errorf("%s %s weights = %d (%v), C says %s", r[0], r[1], w, err, r[5])
	}
	if want := u64(t, r[6]); want != 0 {
		if kv, err := m.KVBytes(8192, 2, ""); err != nil || kv != want {
			t.Errorf("%s kv = %d (%v), C says %d", r[0], kv, err, want)
		}
	}
	fit, err := Fit(FitRequest{Model: r[0], Format: r[1], Engine: r[2], GPU: "h100-sxm", Context: 8192, Seqs: 2})
	if r[7] != "0" {
		if err == nil {
			t.Errorf("%s %s %s: C refused the plan (status %s), Go gave %+v", r[0], r[1], r[2], r[7], fit)
		}
		return
	}
	if err != nil {
		t.Fatalf("%s %s %s: %v", r[0], r[1], r[2], err)
	}
	head, _ := strconv.ParseInt(r[11], 10, 64)
	tps, _ := strconv.ParseFloat(r[13], 64)
	if fit.Fits != (r[8] == "1") || fit.TotalBytes != u64(t, r[9]) || fit.UsableBytes != u64(t, r[10]) ||
		fit.HeadroomBytes != head || fit.MaxContext != u64(t, r[12]) || math.Abs(fit.DecodeTPS-tps) > 1e-6 {
		t.Errorf("%s %s %s: Go %+v, C %v", r[0], r[1], r[2], fit, r[8:])
	}
}

func TestSameNumbersAsC(t *testing.T) {
	vs := rows(t, "vectors.tsv")
	if len(vs) != 3*len(Models()) {
		t.Fatalf("%d vectors for %d models", len(vs), len(Models()))
	}
	for _, r := range vs {
		checkVector(t, r)
	}
}

// The library keeps no state: many goroutines at once give the same answers (run with -race).
func TestConcurrentUse(t *testing.T) {
	vs := rows(t, "vectors.tsv")
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := g; i < len(vs); i += 3 {
				checkVector(t, vs[i])
			}
		}(g)
	}
	wg.Wait()
}

func TestLookups(t *testing.T) {
	m, err := LookupModel("meta-llama/Llama-3.1-8B-Instruct")
	if err != nil || m.ID != "llama-3.1-8b" || m.ContextWindow != 131072 || m.License != "llama3.1" {
		t.Fatalf("lookup by HF repo: %+v, %v", m, err)
	}
	p, _ := m.Params()
	if p.Total != 8030261248 { // HF safetensors metadata of meta-llama/Llama-3.1-8B
		t.Errorf("llama-3.1-8b params %d", p.Total)
	}
	fit, err := Fit(FitRequest{Model: "llama-3.1-8b", GPU: "NVIDIA H100 80GB HBM3", Engine: "vllm"})
	if err != nil || fit.GPU != "h100-sxm" || fit.Engine != EngineVLLM || fit.Engine.String() != "vllm" {
		t.Errorf("nvidia-smi name: %+v %v", fit, err)
	}
	g, err := LookupGPU("NVIDIA-H100-80GB-HBM3")
	if err != nil || g.ID != "h100-sxm" || g.MemoryBytes < 80e9 || g.BandwidthGBs != 3350 || len(GPUs()) < 45 {
		t.Errorf("LookupGPU by GFD label: %+v %v", g, err)
	}
	if _, err := LookupGPU("H1000"); !errors.Is(err, ErrUnknownGPU) {
		t.Errorf("unknown GPU: %v", err)
	}
	if fit, err = Fit(FitRequest{Model: "llama-3.1-8b", GPU: "NVIDIA-H100-80GB-HBM3", Engine: "ollama"}); err != nil || fit.Format != "Q4_K_M" {
		t.Errorf("GFD label, Ollama default format: %+v %v", fit, err)
	}
}

func TestErrorsWrapTheCStatus(t *testing.T) {
	_, err := LookupModel("llama-3.1-9b")
	var e *Error
	if !errors.Is(err, ErrUnknownModel) || !errors.As(err, &e) || e.Name != "llama-3.1-9b" {
		t.Fatalf("unknown model: %v", err)
	}
	if len(e.Suggestions) == 0 || !strings.Contains(err.Error(), "llama-3.1-8b") {
		t.Errorf("no close matches in %q", err)
	}
	cases := []struct {
		req  FitRequest
		want error
	}{
		{FitRequest{Model: "llama-3.1-8b", GPU: "h100-sxm", Format: "Q4_K_Z"}, ErrUnknownFormat},
		{FitRequest{Model: "llama-3.1-8b", GPU: "h1000"}, ErrUnknownGPU},
		{FitRequest{Model: "llama-3.1-8b", GPU: "h100-sxm", Engine: "tgi-next"}, ErrUnknownEngine},
		{FitRequest{Model: "llama-3.1-8b", GPU: "h100-sxm", KVDtype: "fp7"}, ErrUnknownKVDtype},
		{FitRequest{Model: "llama-3.1-8b", GPU: "h100-sxm", GPUUtil: math.NaN()}, ErrInvalidArgument},
		{FitRequest{Model: "llama-3.1-8b", GPU: "h100-sxm", GPUUtil: 1.5}, ErrInvalidArgument},
		{FitRequest{Model: "llama-3.1-8b", GPU: "h100-sxm", Context: 1 << 62, Seqs: 1 << 30}, ErrInvalidArgument}, // past the model's window
		{FitRequest{Model: "", GPU: "h100-sxm"}, ErrUnknownModel},
	}
	for _, c := range cases {
		if _, err := Fit(c.req); !errors.Is(err, c.want) {
			t.Errorf("%+v: got %v, want %v", c.req, err, c.want)
		}
	}
	if m, _ := LookupModel("llama-3.1-8b"); m != nil {
		if _, err := m.KVBytes(1<<62, 1000, "f32"); !errors.Is(err, ErrOverflow) {
			t.Errorf("2^62 tokens x 1000 sequences: %v", err)
		}
	}
	if _, err := ParseUse("commercial,mau=lots"); !errors.Is(err, ErrParse) {
		t.Errorf("malformed use: %v", err)
	}
	if _, err := CheckLicense("llama-3.1-8b", Use{RevenueUSD: -1}); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("negative revenue: %v", err)
	}
	if _, _, err := Select(SelectRequest{GPU: "h100-sxm", Tasks: []string{"poetry"}}); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("unknown task: %v", err)
	}
}

func TestDenialSaysWhatWouldFit(t *testing.T) {
	// Llama-3.1-70B in BF16 (141 GB of weights) cannot load on one 80 GB H100.
	fit, err := Fit(FitRequest{Model: "llama-3.1-70b", GPU: "h100-sxm", Engine: "vllm", Context: 8192})
	if err != nil {
		t.Fatal(err)
	}
	if fit.Fits || fit.Loads || fit.WeightBytes < 140e9 || fit.Suggestion == nil {
		t.Fatalf("70B bf16 on one H100: %+v", fit)
	}
	if s := fit.Suggestion; s.Format == "" && s.GPUs < 2 {
		t.Errorf("suggestion %+v changes neither format nor GPUs", s)
	}
}

// tests/data/commands.tsv: the same command lines the C tests parse.
func TestPlanFromArgs(t *testing.T) {
	for _, r := range rows(t, "commands.tsv") {
		env := map[string]string{}
		if r[1] != "-" {
			for _, kv := range strings.Split(r[1], ",") {
				k, v, _ := strings.Cut(kv, "=")
				env[k] = v
			}
		}
		p, err := PlanFromArgs(strings.Fields(r[0]), env)
		if r[11] != "-" {
			var e *Error
			if !errors.Is(err, ErrParse) || !errors.As(err, &e) || e.Name != r[11] {
				t.Errorf("%q: want a parse error on %s, got %v", r[0], r[11], err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", r[0], err)
			continue
		}
		model, format := "-", p.Format
		if p.Model != nil {
			model = p.Model.ID
		}
		if format == "" {
			format = "-"
		}
		ctx := strconv.FormatUint(p.Context, 10)
		if p.ContextAuto {
			ctx = "auto"
		}
		util, _ := strconv.ParseFloat(r[10], 64)
		got := []string{p.Engine.String(), model, format, strconv.Itoa(int(p.TP)), strconv.Itoa(int(p.PP)), ctx,
			strconv.Itoa(int(p.Seqs)), p.KVDtype}
		if strings.Join(got, " ") != strings.Join(r[2:10], " ") || math.Abs(p.GPUUtil-util) > 1e-9 {
			t.Errorf("%q:\n got %v util %g\nwant %v", r[0], got, p.GPUUtil, r[2:11])
		}
		if len(r) > 12 && strconv.Itoa(int(p.MaxSeqs)) != r[12] {
			t.Errorf("%q: max seqs %d, want %s (a cap, not sequences that must fit)", r[0], p.MaxSeqs, r[12])
		}
	}
	if _, err := PlanFromArgs([]string{"nginx", "-g", "daemon off;"}, nil); !errors.Is(err, ErrUnknownEngine) {
		t.Errorf("nginx: %v", err)
	}
	// vLLM's default max-model-len for Llama 3.1 is its 131072-token window: on two H100s
	// with 256 sequences the KV pool holds ~25k tokens, so vLLM refuses to start; at 16k it fits.
	// (With the default 1024 sequences V1's profiling sampler pass takes 4.7 GiB more.)
	p, err := PlanFromArgs([]string{"vllm", "serve", "meta-llama/Llama-3.1-70B-Instruct", "-tp", "2", "--max-num-seqs", "256"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.EngineVersion = "0.11" // utilization 0.9 (0.34 budgets the whole card)
	if fit, err := p.Fit("h100-sxm", 0); err != nil || fit.Fits || !fit.Refused || fit.GPUs != 2 || fit.Suggestion == nil ||
		fit.Suggestion.Context < 16384 || fit.Suggestion.Context > 32768 {
		t.Errorf("70B on 2 H100s at 131072 tokens: %+v %+v %v", fit, fit.Suggestion, err)
	}
	p, _ = PlanFromArgs([]string{"vllm", "serve", "meta-llama/Llama-3.1-70B-Instruct", "-tp", "2", "--max-model-len", "16384",
		"--max-num-seqs", "256"}, nil)
	p.EngineVersion = "0.11"
	if fit, err := p.Fit("h100-sxm", 0); err != nil || !fit.Fits || fit.Context != 16384 {
		t.Errorf("70B on 2 H100s at 16k: %+v %v", fit, err)
	}
}

func TestModelFromHFConfig(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(dataDir, "hf_configs", "*.json"))
	if len(files) < 5 {
		t.Fatalf("config files: %v", files)
	}
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		row, err := LookupModel(strings.TrimSuffix(filepath.Base(f), ".json"))
		if err != nil {
			t.Fatal(err)
		}
		m, err := ModelFromHFConfig(text)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		pm, _ := m.Params()
		pr, _ := row.Params()
		km, _ := m.KVBytes(32768, 1, "")
		kr, _ := row.KVBytes(32768, 1, "")
		if pm.Text != pr.Text || pm.Active != pr.Active || km != kr {
			t.Errorf("%s: config gives %d/%d params, %d KV; table %d/%d, %d", f, pm.Text, pm.Active, km, pr.Text, pr.Active, kr)
		}
		fit, err := Fit(FitRequest{GPU: "h200", Engine: "vllm", Format: "fp8"}.WithModel(m))
		if err != nil || fit.WeightBytes == 0 {
			t.Errorf("%s: fit %+v %v", f, fit, err)
		}
	}
	if _, err := ModelFromHFConfig([]byte(`{"hidden_size": 4096,`)); !errors.Is(err, ErrParse) {
		t.Errorf("truncated JSON: %v", err)
	}
	if _, err := ModelFromHFConfig([]byte(`{"model_type": "llama"}`)); !errors.Is(err, ErrInvalidModel) {
		t.Errorf("no dimensions: %v", err)
	}
}

// tests/data/license_cases.tsv rows that name a model: the verdicts C's tests hold.
func TestCheckLicense(t *testing.T) {
	verdicts := map[string]Verdict{"allowed": VerdictAllowed, "allowed_with_obligations": VerdictAllowedWithObligations,
		"not_allowed": VerdictNotAllowed, "unknown": VerdictUnknown}
	n := 0
	for _, r := range rows(t, "license_cases.tsv") {
		model, ok := strings.CutPrefix(r[0], "model:")
		if !ok {
			continue
		}
		spec := r[1]
		if spec == "-" {
			spec = ""
		}
		u, err := ParseUse(spec)
		if err != nil {
			t.Fatalf("use %q: %v", r[1], err)
		}
		res, err := CheckLicense(model, u)
		if err != nil {
			t.Fatalf("%s: %v", model, err)
		}
		text := ""
		for _, f := range append(res.Reasons, res.Obligations...) {
			text += f.Text + " | " + f.Clause + " | "
		}
		if res.Verdict != verdicts[r[2]] || !strings.Contains(text, r[3]) {
			t.Errorf("%s %s: %v (%s), want %s with %q", model, r[1], res.Verdict, text, r[2], r[3])
		}
		n++
	}
	if n < 10 {
		t.Fatalf("only %d model licence cases", n)
	}
}

func TestSelect(t *testing.T) {
	req := SelectRequest{GPU: "dgx-spark", Engine: "sglang", Seqs: 10, Context: 8192, OriginRequire: []string{"EU"},
		Tasks: []string{"multilingual"}, MinTPS: 10}
	a, ra, err := Select(req)
	if err != nil || len(a) == 0 {
		t.Fatalf("select: %v %v", a, err)
	}
	b, _, _ := Select(req)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("not deterministic at %d: %+v vs %+v", i, a[i], b[i])
		}
		if m, _ := LookupModel(a[i].Model); m.Country != "FR" && m.Country != "DE" {
			t.Errorf("%s from %s passed an EU-origin screen", a[i].Model, m.Country)
		}
	}
	for _, r := range ra {
		if r.Rejected == RejectNone || r.Reason == "" {
			t.Errorf("rejection without a reason: %+v", r)
		}
	}
}

// The models a user has (an allowlist, `ollama list`): each keeps the verdict it has among
// every model, a name listed twice is ranked once, and a bad list is an error.
func TestSelectModels(t *testing.T) {
	req := SelectRequest{GPU: "rtx-4090", Engine: "ollama", MaxLossPct: 1}
	all, allRej, err := Select(req)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Candidate{}
	for _, c := range append(all, allRej...) {
		byID[c.Model] = c
	}
	req.Models = []string{"llama3.3:70b", "qwen3:8b", "llama3.3:70b", "bge-m3"}
	good, bad, err := Select(req)
	if err != nil || len(good) != 2 || len(bad) != 1 || good[0].Model != "qwen3-8b" || bad[0].Model != "llama-3.3-70b" ||
		bad[0].Rejected != RejectQuality {
		t.Fatalf("listed: %+v %+v %v", good, bad, err)
	}
	for _, c := range append(good, bad...) {
		w := byID[c.Model]
		if c.Rejected != w.Rejected || c.Format != w.Format || c.WeightBytes != w.WeightBytes || c.DecodeTPS != w.DecodeTPS {
			t.Errorf("%s listed %+v, among every model %+v", c.Model, c, w)
		}
	}
	req.Models = []string{}
	if _, _, err := Select(req); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("empty list: %v", err)
	}
	req.Models = []string{"qwen3:8b", "no-such-model-xyz"}
	if _, _, err := Select(req); !errors.Is(err, ErrUnknownModel) {
		t.Errorf("unknown name: %v", err)
	}
}

func TestEnumStrings(t *testing.T) {
	for name, e := range map[string]Engine{"vllm": EngineVLLM, "sglang": EngineSGLang, "llama-server": EngineLlamaCpp, "ollama": EngineOllama} {
		if got, err := ParseEngine(name); err != nil || got != e {
			t.Errorf("ParseEngine(%q) = %v, %v", name, got, err)
		}
	}
	if Engine(99).String() != "Engine(99)" || VerdictNotAllowed.String() != "not allowed" || RejectMemory.String() != "memory" {
		t.Error("String()")
	}
	if Version() == "" || DataVersion() == "" {
		t.Error("versions")
	}
}

// go test -fuzz=FuzzPlanFromArgs: no input may crash or hang; errors always wrap a sentinel.
func FuzzPlanFromArgs(f *testing.F) {
	for _, r := range rows(f, "commands.tsv") {
		f.Add(r[0], r[1])
	}
	f.Add("llama-server -m x.gguf -c 99999999999999999999", "")
	f.Add("ollama serve", "OLLAMA_NUM_PARALLEL=-1")
	f.Fuzz(func(t *testing.T, cmd, env string) {
		e := map[string]string{}
		for _, kv := range strings.Split(env, ",") {
			k, v, _ := strings.Cut(kv, "=")
			e[k] = v
		}
		p, err := PlanFromArgs(strings.Fields(cmd), e)
		if err != nil {
			var le *Error
			if !errors.As(err, &le) || errors.Unwrap(err) == nil {
				t.Fatalf("%q: error %v wraps no status", cmd, err)
			}
			return
		}
		if p.Model != nil && p.Format != "" {
			_, _ = p.Fit("h100-sxm", 0)
		}
	})
}

// go test -fuzz=FuzzLookup: names from YAML never crash a lookup or a fit.
func FuzzLookup(f *testing.F) {
	for _, s := range []string{"llama-3.1-8b", "Qwen/Qwen3-8B", "NVIDIA H100 80GB HBM3", "Q4_K_M", "", "\x00", "llama-3.1-8b\x00x"} {
		f.Add(s, s, s)
	}
	f.Fuzz(func(t *testing.T, model, gpu, format string) {
		if _, err := LookupModel(model); err != nil && !errors.Is(err, ErrUnknownModel) && !errors.Is(err, ErrAmbiguous) {
			t.Fatalf("LookupModel(%q): %v", model, err)
		}
		if _, err := Fit(FitRequest{Model: "llama-3.1-8b", GPU: gpu, Format: format}); err != nil &&
			!errors.Is(err, ErrUnknownGPU) && !errors.Is(err, ErrUnknownFormat) && !errors.Is(err, ErrUnsupported) &&
			!errors.Is(err, ErrAmbiguous) {
			t.Fatalf("Fit(%q, %q): %v", gpu, format, err)
		}
	})
}

// go test -fuzz=FuzzModelFromHFConfig: any bytes are either a model or an error.
func FuzzModelFromHFConfig(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(dataDir, "hf_configs", "*.json"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ModelFromHFConfig(b)
		if err != nil {
			return
		}
		_, _ = m.KVBytes(4096, 1, "")
		_, _ = Fit(FitRequest{GPU: "h100-sxm", Engine: "vllm"}.WithModel(m))
	})
}

func BenchmarkLookupModel(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_, _ = LookupModel("llama-3.1-8b")
	}
}

func BenchmarkFitVLLM(b *testing.B) {
	req := FitRequest{Model: "llama-3.1-8b", Format: "bf16", GPU: "h100-sxm", Engine: "vllm", Context: 8192, Seqs: 4}
	for i := 0; i < b.N; i++ {
		_, _ = Fit(req)
	}
}

func BenchmarkFitPrepared(b *testing.B) {
	d, err := Prepare(FitRequest{Model: "llama-3.1-8b", Format: "bf16", GPU: "h100-sxm", Engine: "vllm"})
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		_, _ = d.Fit(8192, 4)
	}
}

func BenchmarkPlanFromArgs(b *testing.B) {
	args := strings.Fields("vllm serve meta-llama/Llama-3.1-70B-Instruct -tp 2 --max-model-len 32768")
	for i := 0; i < b.N; i++ {
		_, _ = PlanFromArgs(args, nil)
	}
}

// The floor: one cgo call into the library that does no work.
func BenchmarkCgoFloor(b *testing.B) {
	for i := 0; i < b.N; i++ {
		_ = core.Llmsize_model_count()
	}
}

// make files-test writes these with the gguf and safetensors packages (skipped before that).
func TestInspectGeneratedFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "build", "files")
	if _, err := os.Stat(filepath.Join(dir, "expected.tsv")); err != nil {
		t.Skip("run make files-test first")
	}
	f, _ := os.ReadFile(filepath.Join(dir, "expected.tsv"))
	n := 0
	for _, line := range strings.Split(string(f), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := strings.Split(line, "\t")
		data, err := os.ReadFile(filepath.Join(dir, r[0]))
		if err != nil {
			t.Fatal(err)
		}
		fi, err := Inspect(data)
		if err != nil || fi.Kind != r[1] || fi.Tensors != u64(t, r[2]) || fi.TensorBytes != u64(t, r[3]) ||
			fi.Params != u64(t, r[4]) || fi.HeaderBytes != u64(t, r[5]) {
			t.Errorf("%s: %+v %v; writer: %v", r[0], fi, err, r[1:6])
		}
		if _, err := Inspect(data[:40]); !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrParse) {
			t.Errorf("%s prefix: %v", r[0], err)
		}
		n++
	}
	if n < 5 {
		t.Fatalf("%d files", n)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "llama-3.1-8b-shaped.gguf"))
	fi, err := Inspect(data)
	if err != nil || fi.Matches != "llama-3.1-8b" || fi.Format != "Q4_K_M" || fi.PredictedBytes == 0 {
		t.Errorf("llama-shaped: %+v %v", fi, err)
	}
	_, err = Inspect(data[:100])
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrTruncated) || e.Needed <= 100 {
		t.Errorf("100-byte prefix: %v", err)
	}
}

func FuzzInspect(f *testing.F) {
	for _, p := range []string{"GGUF\x03\x00\x00\x00", "\x02\x00\x00\x00\x00\x00\x00\x00{}"} {
		f.Add([]byte(p))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fi, err := Inspect(b)
		if err == nil && fi.TensorBytes < fi.Bytes["attn"] {
			t.Fatalf("parts exceed the total: %+v", fi)
		}
	})
}

// tests/data/gguf_types.tsv: published llama.cpp loader histograms, as the C and Python tests read them.
func TestGGUFMixMatchesPublishedHistograms(t *testing.T) {
	text, err := os.ReadFile("../../tests/data/gguf_types.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(string(text), "\n") {
		f := strings.Split(line, "\t")
		if line == "" || strings.HasPrefix(line, "#") || len(f) < 4 || f[3] == "output" {
			continue
		}
		m, err := LookupModel(f[0])
		if err != nil {
			t.Fatal(err)
		}
		got, err := m.GGUFMix(f[1])
		if err != nil {
			t.Fatal(err)
		}
		for _, kv := range strings.Split(f[2], ",") {
			name, count, _ := strings.Cut(kv, "=")
			want, _ := strconv.Atoi(count)
			if name == "f32" && f[3] == "rope_freqs" {
				want--
			}
			if int(got[name].Tensors) != want {
				t.Errorf("%s %s: %s predicted %d, the file has %d", f[0], f[1], name, got[name].Tensors, want)
			}
		}
		n++
	}
	if n < 30 {
		t.Errorf("only %d histogram rows", n)
	}
}

func TestEncoders(t *testing.T) {
	m, err := LookupModel("bge-reranker-v2-m3")
	if err != nil || !m.IsEncoder() {
		t.Fatalf("%v %v", m, err)
	}
	if _, err := m.KVBytes(512, 1, ""); !errors.Is(err, ErrUnsupported) {
		t.Errorf("encoder KV: %v", err)
	}
	a, err := m.ActivationBytes(16, 512, false)
	e, _ := m.ActivationBytes(16, 512, true)
	if err != nil || a == 0 || e <= a {
		t.Errorf("activations %d, eager %d, %v", a, e, err)
	}
	if _, err := m.ActivationBytes(1, 100000, false); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("past the position table: %v", err)
	}
	fit, err := Fit(FitRequest{Model: "bge-m3", GPU: "rtx-4090", Engine: "vllm", Seqs: 64})
	if err != nil || !fit.Fits || fit.ActivationBytes == 0 || fit.KVBytes != 0 {
		t.Errorf("encoder fit %+v %v", fit, err)
	}
}

// tests/data/names.tsv: the names the C tests resolve, with the same answers.
func TestNamesSameAnswersAsC(t *testing.T) {
	names := rows(t, "names.tsv")
	resolvable, resolved := 0, 0
	for _, r := range names {
		engine := ""
		if r[3] == "ollama" {
			engine = "ollama"
		}
		res, err := Resolve(r[0], engine)
		if r[1] == "-" {
			if err == nil || !(errors.Is(err, ErrUnknownModel) || errors.Is(err, ErrAmbiguous)) {
				t.Errorf("%q must not resolve (got %v, %v)", r[0], res.Model, err)
			}
			continue
		}
		resolvable++
		if err != nil {
			continue
		}
		resolved++
		f := res.Format
		if f == "" {
			f = "-"
		}
		if res.Model.ID != r[1] || f != r[2] {
			t.Errorf("%q: want %s %s, got %s %s", r[0], r[1], r[2], res.Model.ID, f)
		}
	}
	if len(names) < 400 || resolved*100 < 95*resolvable {
		t.Errorf("%d names, %d of %d resolved", len(names), resolved, resolvable)
	}
}

// Checkpoints released quantized are sized as released (openai/gpt-oss-120b's MXFP4 index
// total_size is 65,248,815,744 bytes; DeepSeek-R1 ships FP8 and fits 8 x H200 under vLLM).
func TestSizedAsReleased(t *testing.T) {
	m, err := LookupModel("openai/gpt-oss-120b")
	if err != nil || m.CheckpointFormat != "mxfp4" || m.CheckpointBytes != 65248815744 {
		t.Fatalf("gpt-oss-120b: %+v %v", m, err)
	}
	fit, err := Fit(FitRequest{Model: "openai/gpt-oss-120b", GPU: "h100-sxm", Engine: "vllm"})
	if err != nil || fit.Format != "mxfp4" || !fit.Fits {
		t.Errorf("gpt-oss-120b on one H100: %+v %v", fit, err)
	}
	plan, err := PlanFromArgs([]string{"vllm", "serve", "deepseek-ai/DeepSeek-R1", "-tp", "8"}, nil)
	if err != nil || plan.Format != "fp8-block" {
		t.Fatalf("DeepSeek-R1 plan: %+v %v", plan, err)
	}
	if r, err := Resolve("deepseek-r1", "ollama"); err != nil || r.Model.ID != "qwen3-8b" || r.Format != "Q4_K_M" {
		t.Errorf("ollama deepseek-r1: %+v %v", r, err)
	}
	if _, err := LookupModel("mergekit/Llama-3.1-8B-Qwen2.5-7B-slerp"); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("a merge of two models: %v", err)
	}
}

func TestGPUNamesAndDescribedGPUs(t *testing.T) {
	g, err := LookupGPU("M3 Max 36GB")
	if err != nil || g.ID != "m3-max-30c" || g.MemoryBytes != 36<<30 || g.BandwidthGBs != 307.2 || g.MemoryAssumed {
		t.Errorf("M3 Max 36GB: %+v %v", g, err)
	}
	if g, err := LookupGPU("M2 Max"); err != nil || !g.MemoryAssumed || len(g.MemoryOptions) != 3 {
		t.Errorf("M2 Max: %+v %v", g, err)
	}
	if _, err := LookupGPU("M3 Max"); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("M3 Max is two parts: %v", err)
	}
	var e *Error
	if _, err := LookupGPU("rtx-4900"); !errors.As(err, &e) || len(e.Suggestions) == 0 || e.Suggestions[0] != "rtx-4090" {
		t.Errorf("rtx-4900: %v", err)
	}
	mine, err := DescribeGPU(8, 448, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	fit, err := Fit(FitRequest{Model: "llama-3.1-8b", Engine: "llamacpp"}.WithGPU(mine))
	if err != nil || !fit.Fits || fit.UsableBytes != 8<<30 {
		t.Errorf("described 8 GiB GPU: %+v %v", fit, err)
	}
	for _, bad := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		if _, err := DescribeGPU(bad, 448, 0, ""); !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("DescribeGPU(%v): %v", bad, err)
		}
	}
	if _, err := DescribeGPU(8, 448, 0, "quantum"); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("bad kind: %v", err)
	}
}

// tests/data/gpu_names.tsv: the accelerator names the C tests resolve.
func TestGPUNamesSameAnswersAsC(t *testing.T) {
	names := rows(t, "gpu_names.tsv")
	for _, r := range names {
		g, err := LookupGPU(r[0])
		if r[1] == "-" {
			if err == nil {
				t.Errorf("%q must not resolve (got %s)", r[0], g.ID)
			}
			continue
		}
		if err != nil || g.ID != r[1] {
			t.Errorf("%q: want %s, got %v %v", r[0], r[1], g, err)
			continue
		}
		if r[2] != "-" && g.MemoryBytes != u64(t, r[2])<<30 {
			t.Errorf("%q: %s GB, got %d bytes", r[0], r[2], g.MemoryBytes)
		}
	}
	if len(names) < 80 {
		t.Errorf("%d accelerator names", len(names))
	}
}

// Engine versions: the rules of the release named, the current one by default.
func TestEngineVersions(t *testing.T) {
	req := FitRequest{Model: "meta-llama/Llama-3.1-8B-Instruct", GPU: "h100", Engine: "vllm@0.11", Context: 8192}
	old, err := Fit(req)
	if err != nil || old.EngineVersion != "0.11.0" {
		t.Fatalf("vllm@0.11: %+v %v", old, err)
	}
	req.Engine, req.EngineVersion = "vllm", ""
	now, err := Fit(req)
	if err != nil || now.EngineVersion != "0.34.0" || now.UsableBytes <= old.UsableBytes { // 0.34: utilization 1.0
		t.Errorf("vllm (current): %+v %v", now, err)
	}
	req.EngineVersion = "0.3"
	var e *Error
	if _, err := Fit(req); err == nil || !errors.As(err, &e) || e.Status != int(core.LLMSIZE_ERR_UNKNOWN_VERSION) || len(e.Suggestions) == 0 {
		t.Errorf("vllm 0.3: %v", err)
	}
	if _, err := ParseEngine("vllm@banana"); err == nil {
		t.Errorf("vllm@banana parsed")
	}
	// llama-server -c is shared by the -np slots; the command's layout must fit the node
	p, err := PlanFromArgs([]string{"llama-server", "-m", "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", "-c", "8192", "-np", "4"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.EngineVersion = "b6975"
	if fit, err := p.Fit("rtx-4090", 0); err != nil || fit.Context != 2048 || fit.CacheCells != 8192 || fit.EngineVersion != "b6975" {
		t.Errorf("llama-server -c 8192 -np 4: %+v %v", fit, err)
	}
	v, _ := PlanFromArgs([]string{"vllm", "serve", "Qwen/Qwen3-8B", "-tp", "4"}, nil)
	if _, err := v.Fit("h100", 2); err == nil {
		t.Errorf("-tp 4 on a 2-GPU node fitted")
	}
	o, _ := PlanFromArgs([]string{"ollama", "run", "llama3.3:70b"}, nil)
	if fit, err := o.Fit("rtx-4090", 0); err != nil || fit.Outcome != "offloads" || fit.Fits || fit.GPULayers == 0 {
		t.Errorf("Ollama 70B on a 4090: %+v %v", fit, err)
	}
}

// FitOn sizes a plan on a GPU value: the same verdict as Fit by name for a table row, a
// smaller pool for a smaller described part (a MIG slice), and an error for no GPU.
func TestPlanFitOn(t *testing.T) {
	p, err := PlanFromArgs(strings.Fields("vllm serve Qwen/Qwen3-4B --max-model-len 8192"), nil)
	if err != nil {
		t.Fatal(err)
	}
	byName, err := p.Fit("H100 SXM", 1)
	h100, _ := LookupGPU("H100 SXM")
	onRow, err2 := p.FitOn(h100, 1)
	if err != nil || err2 != nil || byName.Fits != onRow.Fits || byName.KVBytes != onRow.KVBytes {
		t.Errorf("FitOn a table row: %+v %v, Fit by name: %+v %v", onRow, err2, byName, err)
	}
	// a 4.75 GiB slice (an A100 40GB's MIG 1g.5gb as nvidia-smi lists it) cannot hold 7.5 GiB of weights
	slice, err := DescribeGPU(4.75, 1555.0/8, 0, "datacenter")
	if err != nil {
		t.Fatal(err)
	}
	if f, err := p.FitOn(slice, 1); err != nil || f.Fits || f.UsableBytes >= f.WeightBytes {
		t.Errorf("Qwen3-4B bf16 on a 4.75 GiB slice: %+v %v", f, err)
	}
	if _, err := p.FitOn(nil, 1); err == nil {
		t.Error("FitOn(nil) answered")
	}
}

// llama.cpp splits the layers over every GPU it sees (-sm layer) and one sequence runs them in
// turn: 6 GPUs are fine for 64 heads, and it decodes at one GPU's bandwidth. Measured: LLaMA 3
// 70B Q4_K_M tg512 on 6 x RTX 3090, 17.09 tok/s (XiongjieDai/GPU-Benchmarks-on-LLM-Inference README).
func TestLayerSplit(t *testing.T) {
	p, err := PlanFromArgs(strings.Fields("llama-server -hf bartowski/Meta-Llama-3-70B-Instruct-GGUF:Q4_K_M -c 512 -np 1"), nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := p.Fit("rtx-3090", 6)
	if err != nil || !f.Fits || f.GPUs != 6 || f.DecodeTPSLow > 17.09 || f.DecodeTPSHigh < 17.09 {
		t.Errorf("70B Q4_K_M on 6 x RTX 3090: %v, fits %v on %d GPUs, %.1f tok/s (%.1f-%.1f), measured 17.09",
			err, f.Fits, f.GPUs, f.DecodeTPS, f.DecodeTPSLow, f.DecodeTPSHigh)
	}
	if !f.Engine.SplitsLayers() {
		t.Error("llama.cpp does not split layers")
	}
	v, _ := ParseEngine("vllm")
	if v.SplitsLayers() || Engine(-1).SplitsLayers() {
		t.Error("vLLM, or an engine outside the table, splits layers")
	}
}

// The flags a command line names that llmsize does not model are named, not only counted.
func TestIgnoredFlagsNamed(t *testing.T) {
	p, err := PlanFromArgs([]string{"vllm", "serve", "Qwen/Qwen3-8B", "--served-model-name", "qwen", "--api-key=abc",
		"--speculative-config", `{"method": "ngram"}`, "--max-model-len", "8192"}, nil)
	if err != nil || p.UnknownFlags != 3 || strings.Join(p.IgnoredFlags, " ") != "--served-model-name --api-key --speculative-config" {
		t.Errorf("ignored flags: %d %v %v", p.UnknownFlags, p.IgnoredFlags, err)
	}
}

// SelectDefaults carries the library's recommendation floors; a zero request has none.
func TestSelectDefaults(t *testing.T) {
	req := SelectDefaults("dgx-spark")
	if req.MinTPS < 5.2 || req.MinTPS > 5.4 || req.MaxLossPct != 10 || strings.Join(req.Tasks, ",") != "chat" {
		t.Fatalf("defaults: %+v", req)
	}
	req.Seqs = 10
	good, _, err := Select(req)
	if err != nil || len(good) == 0 {
		t.Fatalf("select: %v", err)
	}
	for _, c := range good {
		if c.DecodeTPS < req.MinTPS || c.LossPct > 10 {
			t.Errorf("%s %s: %.1f tok/s, %.1f %% loss", c.Model, c.Format, c.DecodeTPS, c.LossPct)
		}
	}
	raw, _, err := Select(SelectRequest{GPU: "dgx-spark", Seqs: 10})
	if err != nil || len(raw) <= len(good) || raw[0].DecodeTPS >= 3 {
		t.Errorf("no floors: %d candidates, top %.1f tok/s (%v)", len(raw), raw[0].DecodeTPS, err)
	}
}

// A NUL inside an argument would end the C string and drop every argument after it.
func TestPlanFromArgsRefusesNUL(t *testing.T) {
	if _, err := PlanFromArgs([]string{"vllm", "serve", "Qwen/Qwen3-8B\x00", "--max-model-len", "999999999"}, nil); err == nil {
		t.Error("an argument with a NUL was parsed")
	}
	if _, err := PlanFromArgs([]string{"ollama", "run", "qwen3"}, map[string]string{"OLLAMA_CONTEXT_LENGTH": "8\x00192"}); err == nil {
		t.Error("an environment value with a NUL was parsed")
	}
}

// llama.cpp -ot keeps the experts of the layers its pattern finds in host memory, whichever
// layers they are: DeepSeek-V3's layers 50-59 hold ten layers of experts, as layers 3-12 do
// (-ncmoe 13: layers 0-2 are dense), and layers 0-9 (where a plan that lost where the run
// starts would put it) hold seven. Q8_0 stores every layer's experts alike (Q4_K_M gives some
// layers' ffn_down Q6_K).
func TestOverrideTensorKeepsItsLayers(t *testing.T) {
	host := func(args ...string) uint64 {
		p, err := PlanFromArgs(append([]string{"llama-server", "-m", "DeepSeek-V3-Q8_0.gguf", "-c", "8192"}, args...), nil)
		if err != nil || len(p.IgnoredFlags) != 0 {
			t.Fatalf("%v: %v (ignored %v)", args, err, p.IgnoredFlags)
		}
		r, err := p.Fit("h100-sxm", 8)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		return r.HostWeightBytes
	}
	late, early, first := host("-ot", `blk\.5[0-9]\.ffn_.*_exps=CPU`), host("-ncmoe", "13"), host("-ncmoe", "10")
	if late != early || late <= first {
		t.Errorf("experts of layers 50-59 in host memory: %d bytes; of layers 3-12 %d; of layers 0-9 %d", late, early, first)
	}
}
