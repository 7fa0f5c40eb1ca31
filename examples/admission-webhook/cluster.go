package main

// A minimal, cached API-server reader: GPU nodes (by their GFD labels) and namespace
// annotations. Plain HTTPS with the pod's service-account token, so the webhook needs
// only `list nodes` and `get namespaces` (deploy/rbac.yaml) and no client-go.

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// APICluster reads the cluster through the API server.
type APICluster struct {
	Server    string // https://host:port
	TokenFile string // re-read on each request (projected tokens rotate)
	Client    *http.Client
	TTL       time.Duration

	mu      sync.Mutex
	nodes   []GPUNode
	nodesAt time.Time
	ns      map[string]nsEntry
}

type nsEntry struct {
	ann map[string]string
	at  time.Time
}

// InClusterAPI is the API server as seen from a pod; ok is false outside a cluster.
func InClusterAPI(server, tokenFile, caFile string, ttl time.Duration) (*APICluster, bool, error) {
	const sa = "/var/run/secrets/kubernetes.io/serviceaccount/"
	if server == "" {
		host, port := os.Getenv("KUBERNETES_SERVICE_HOST"), os.Getenv("KUBERNETES_SERVICE_PORT")
		if host == "" {
			return nil, false, nil
		}
		server = "https://" + strings.TrimSuffix(host+":"+port, ":")
		tokenFile, caFile = sa+"token", sa+"ca.crt"
	}
	pool := x509.NewCertPool()
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, false, err
		}
		pool.AppendCertsFromPEM(pem)
	}
	c := &APICluster{Server: server, TokenFile: tokenFile, TTL: ttl, ns: map[string]nsEntry{},
		Client: &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{
			TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}}
	return c, true, nil
}

func (c *APICluster) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.Server+path, nil)
	if err != nil {
		return err
	}
	if c.TokenFile != "" {
		tok, err := os.ReadFile(c.TokenFile)
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(string(tok)))
	}
	resp, err := c.Client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// GPUNodes lists nodes carrying GFD's product label, one entry per node (cached for TTL).
func (c *APICluster) GPUNodes(ctx context.Context) ([]GPUNode, error) {
	c.mu.Lock()
	if c.nodes != nil && time.Since(c.nodesAt) < c.TTL {
		n := c.nodes
		c.mu.Unlock()
		return n, nil
	}
	c.mu.Unlock()
	var list corev1.NodeList
	if err := c.get(ctx, "/api/v1/nodes?labelSelector="+url.QueryEscape(LabelProduct), &list); err != nil {
		return nil, err
	}
	nodes := []GPUNode{}
	for _, n := range list.Items {
		count, _ := strconv.Atoi(n.Labels[LabelCount])
		if q, ok := n.Status.Allocatable[ResourceGPU]; ok && count == 0 {
			count = int(q.Value())
		}
		nodes = append(nodes, GPUNode{Product: n.Labels[LabelProduct], Count: count})
	}
	c.mu.Lock()
	c.nodes, c.nodesAt = nodes, time.Now()
	c.mu.Unlock()
	return nodes, nil
}

// NamespaceAnnotations returns a namespace's annotations (cached for TTL).
func (c *APICluster) NamespaceAnnotations(ctx context.Context, name string) (map[string]string, error) {
	c.mu.Lock()
	if e, ok := c.ns[name]; ok && time.Since(e.at) < c.TTL {
		c.mu.Unlock()
		return e.ann, nil
	}
	c.mu.Unlock()
	var ns corev1.Namespace
	if err := c.get(ctx, "/api/v1/namespaces/"+url.PathEscape(name), &ns); err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.ns[name] = nsEntry{ns.Annotations, time.Now()}
	c.mu.Unlock()
	return ns.Annotations, nil
}
