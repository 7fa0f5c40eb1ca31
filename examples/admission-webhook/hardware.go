package main

// Where a container will run: the GPU products, and MIG slices, its pod may land on, read
// from the labels real clusters carry, and the llmsize accelerator each one is sized as.

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/llmsize/llmsize/bindings/go"
	corev1 "k8s.io/api/core/v1"
)

// Node labels and resources. GPU Feature Discovery (GFD, part of NVIDIA's GPU operator)
// writes the nvidia.com labels; GKE writes its accelerator label on every GPU node.
const (
	LabelProduct = "nvidia.com/gpu.product"           // NVIDIA-A100-SXM4-40GB; with MIG's single strategy …-MIG-1g.5gb
	LabelMemory  = "nvidia.com/gpu.memory"            // MiB per GPU (per slice with MIG's single strategy)
	LabelCount   = "nvidia.com/gpu.count"             // GPUs (or slices) per node
	LabelGKE     = "cloud.google.com/gke-accelerator" // nvidia-l4, nvidia-h100-80gb, ...
	ResourceGPU  = corev1.ResourceName("nvidia.com/gpu")
	// ResourceMIGPrefix starts the resources of MIG's mixed strategy, one per profile:
	// nvidia.com/mig-1g.10gb. GFD labels each profile's slices on the node as
	// nvidia.com/mig-<profile>.count and nvidia.com/mig-<profile>.memory (MiB).
	ResourceMIGPrefix = "nvidia.com/mig-"
	migInProduct      = "-MIG-" // MIG's single strategy: the profile is in the product label
)

// maxGPUs bounds a GPU count read from a request or a label: the plan's counts are 32-bit,
// and a larger number is refused rather than wrapped into a small one.
const maxGPUs = 4096

// GPUNode is one GPU node as its labels describe it.
type GPUNode struct {
	Product   string               // GFD's product, else GKE's accelerator
	Count     int                  // GPUs per node (MIG single strategy: slices)
	MemoryMiB int                  // per GPU (0: not labelled)
	MIG       map[string]MIGSlices // MIG mixed strategy: the node's slices by profile ("1g.10gb")
}

// MIGSlices is one MIG profile on a node: how many slices, and each one's memory.
type MIGSlices struct {
	Count     int
	MemoryMiB int
}

// nodeOf reads a node's GPU labels; its allocatable nvidia.com/gpu stands in for an
// unlabelled count.
func nodeOf(labels map[string]string, allocatable corev1.ResourceList) GPUNode {
	n := GPUNode{Product: labels[LabelProduct]}
	if n.Product == "" {
		n.Product = labels[LabelGKE]
	}
	n.Count = labelInt(labels[LabelCount])
	if q, ok := allocatable[ResourceGPU]; ok && n.Count == 0 && q.Value() > 0 && q.Value() <= maxGPUs {
		n.Count = int(q.Value())
	}
	n.MemoryMiB = labelInt(labels[LabelMemory])
	for k, v := range labels {
		profile, ok := strings.CutPrefix(k, ResourceMIGPrefix)
		if !ok {
			continue
		}
		if p, ok := strings.CutSuffix(profile, ".count"); ok {
			s := n.MIG[p]
			s.Count = labelInt(v)
			n.setMIG(p, s)
		} else if p, ok := strings.CutSuffix(profile, ".memory"); ok {
			s := n.MIG[p]
			s.MemoryMiB = labelInt(v)
			n.setMIG(p, s)
		}
	}
	return n
}

func (n *GPUNode) setMIG(profile string, s MIGSlices) {
	if n.MIG == nil {
		n.MIG = map[string]MIGSlices{}
	}
	n.MIG[profile] = s
}

// labelInt reads a count or MiB label: 0 when absent, malformed or past any real device.
func labelInt(v string) int {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > 1<<24 {
		return 0
	}
	return n
}

// target is one kind of device a pod may land on.
type target struct {
	product string // the product as labelled, without a MIG suffix
	mig     string // MIG profile ("1g.10gb"); "" for a whole GPU
	memMiB  int    // per device, from the node's labels (0: not known)
}

// targetOf reads a product label, splitting off the MIG profile that the single strategy appends.
func targetOf(product string, memMiB int) target {
	if i := strings.Index(product, migInProduct); i > 0 {
		return target{product: product[:i], mig: product[i+len(migInProduct):], memMiB: memMiB}
	}
	return target{product: product, memMiB: memMiB}
}

func (t target) String() string {
	if t.mig != "" {
		return t.product + " (MIG " + t.mig + ")"
	}
	return t.product
}

// describedBandwidth is the bandwidth given to an accelerator described from its memory
// label alone: it sets only decode speed, which the webhook does not judge or report.
const describedBandwidth = 1000

// accelerator is the llmsize accelerator a target is sized as, and a note when the labels,
// not llmsize's table, gave its memory.
func (t target) accelerator() (*llmsize.GPU, string, error) {
	g, err := llmsize.LookupGPU(t.product)
	if t.mig != "" { // a slice has its profile's share of the memory: the node's labels say how much
		if t.memMiB == 0 {
			return nil, "", fmt.Errorf("the memory of its MIG %s slices is not labelled (GFD's %s%s.memory)",
				t.mig, ResourceMIGPrefix, t.mig)
		}
		bw := float64(describedBandwidth)
		if err == nil && g.MemoryBytes > 0 { // the slice's share of the GPU's bandwidth, for completeness
			bw = g.BandwidthGBs * float64(uint64(t.memMiB)<<20) / float64(g.MemoryBytes)
		}
		s, err := llmsize.DescribeGPU(float64(t.memMiB)/1024, bw, 0, "datacenter")
		return s, "", err
	}
	switch {
	case err == nil && g.MemoryAssumed && t.memMiB > 0: // sold in several sizes: the label says which
		if h, err := llmsize.LookupGPU(fmt.Sprintf("%s %dGB", t.product, (t.memMiB+512)/1024)); err == nil {
			return h, "", nil
		}
	case errors.Is(err, llmsize.ErrUnknownGPU) && t.memMiB > 0:
		d, err := llmsize.DescribeGPU(float64(t.memMiB)/1024, describedBandwidth, 0, "datacenter")
		return d, fmt.Sprintf("GPU %q is not in llmsize's table; sized as a %d MiB GPU from its %s label",
			t.product, t.memMiB, LabelMemory), err
	}
	return g, "", err
}

// hardware is where a container will run.
type hardware struct {
	targets []target
	pinned  bool   // the products come from the pod's nodeSelector / required affinity: each must fit
	gpus    int    // GPUs, or MIG slices, the container gets
	mig     string // the MIG profile requested as a resource (mixed strategy); "" for nvidia.com/gpu
}

// pinnedTargets reads the products a pod is pinned to. Affinity terms are ORed: the pod may
// land on a product from any term, so each must fit.
func pinnedTargets(spec *corev1.PodSpec) []target {
	for _, label := range []string{LabelProduct, LabelGKE} {
		if p, ok := spec.NodeSelector[label]; ok {
			return []target{targetOf(p, labelInt(spec.NodeSelector[LabelMemory]))}
		}
	}
	a := spec.Affinity
	if a == nil || a.NodeAffinity == nil || a.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution == nil {
		return nil
	}
	var out []target
	for _, t := range a.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms {
		for _, e := range t.MatchExpressions {
			if (e.Key == LabelProduct || e.Key == LabelGKE) && e.Operator == corev1.NodeSelectorOpIn {
				for _, v := range e.Values {
					out = append(out, targetOf(v, 0))
				}
			}
		}
	}
	return out
}

// gpuRequest is what the container asks for: nvidia.com/gpu, or MIG slices of one profile.
// n is -1 when the count is more than any node has.
func gpuRequest(c corev1.Container) (n int, mig string) {
	count := func(q int64) int {
		if q < 0 || q > maxGPUs {
			return -1
		}
		return int(q)
	}
	if q, ok := c.Resources.Limits[ResourceGPU]; ok {
		return count(q.Value()), ""
	}
	for name, q := range c.Resources.Limits {
		if p, ok := strings.CutPrefix(string(name), ResourceMIGPrefix); ok {
			return count(q.Value()), p
		}
	}
	return 0, ""
}

// fromNodes fills in the targets from the cluster's GPU nodes: pinned products get their
// memory labels; otherwise every node kind with enough GPUs (or slices) is a target.
func (hw *hardware) fromNodes(nodes []GPUNode) {
	if hw.pinned {
		for i, t := range hw.targets {
			for _, n := range nodes {
				if nt := targetOf(n.Product, n.MemoryMiB); nt.product == t.product && t.memMiB == 0 {
					if hw.mig != "" {
						hw.targets[i].memMiB = n.MIG[hw.mig].MemoryMiB
					} else if nt.mig == t.mig {
						hw.targets[i].memMiB = nt.memMiB
					}
				}
			}
		}
		return
	}
	seen := map[target]bool{}
	for _, n := range nodes {
		t := targetOf(n.Product, n.MemoryMiB)
		if hw.mig != "" {
			s, ok := n.MIG[hw.mig]
			if !ok || s.Count < hw.gpus {
				continue
			}
			t = target{product: t.product, mig: hw.mig, memMiB: s.MemoryMiB}
		} else if n.Count < hw.gpus {
			continue
		}
		if !seen[t] {
			seen[t] = true
			hw.targets = append(hw.targets, t)
		}
	}
	sort.Slice(hw.targets, func(i, j int) bool { return hw.targets[i].String() < hw.targets[j].String() })
}

// hasGPU says whether a container asks for a GPU or a MIG slice.
func hasGPU(c corev1.Container) bool {
	n, _ := gpuRequest(c)
	return n != 0
}

// fitCache remembers fit results: a fit is a pure function of the plan, the accelerator and
// the GPU count, and admission traffic repeats itself (controllers and GitOps re-apply the
// same objects; every rollout re-sends the template). Bounded: emptied when full.
type fitCache struct {
	mu sync.Mutex
	m  map[fitKey]fitEntry
}

// fitKey is everything a fit depends on: the plan's settings (its model by id), the
// accelerator and the GPU count.
type fitKey struct {
	plan     string
	gpu      string
	memBytes uint64
	bw       float64
	gpus     uint32
}

type fitEntry struct {
	fit llmsize.FitResult
	err error
}

const fitCacheSize = 4096

func (c *fitCache) fit(plan llmsize.Plan, g *llmsize.GPU, gpus uint32) (llmsize.FitResult, error) {
	settings := plan
	settings.Model, settings.IgnoredFlags = nil, nil // the model by id below; ignored flags change nothing
	model := ""
	if plan.Model != nil {
		model = plan.Model.ID
	}
	k := fitKey{plan: fmt.Sprintf("%s %+v", model, settings), gpu: g.ID, memBytes: g.MemoryBytes, bw: g.BandwidthGBs, gpus: gpus}
	c.mu.Lock()
	e, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return e.fit, e.err
	}
	f, err := plan.FitOn(g, gpus)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= fitCacheSize {
		c.m = map[fitKey]fitEntry{}
	}
	c.m[k] = fitEntry{f, err}
	c.mu.Unlock()
	return f, err
}
