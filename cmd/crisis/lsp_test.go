package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestEditorSchemaInInitRepository runs the real yaml-language-server (the
// server behind VS Code's YAML extension, Neovim's and Helix's YAML
// support) over LSP on a manual made by crisis init, outside this
// repository: the modelines must lead it to the schemas init wrote, so a
// typo'd key is reported as it is typed, a key's meaning shows on hover and
// keys complete. .ci/run
// installs the server; without it the test is skipped locally.
func TestEditorSchemaInInitRepository(t *testing.T) {
	t.Parallel()
	server := requireTool(t, "yaml-language-server")
	dir := t.TempDir()
	initManual(t, dir)
	file := filepath.Join(dir, "playbooks", "whatsapp-down.yaml")
	typo := misspell(t, dir) // the editor opens the file as typed
	c := startLSP(t, server, dir)
	uri := (&url.URL{Scheme: "file", Path: file}).String()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": uri, "languageId": "yaml", "version": 1, "text": typo}})

	// The typo is reported on its line, as the schema's additionalProperties
	// refuses it: the schema was found through the modeline.
	line := strings.Count(typo[:strings.Index(typo, "severty:")], "\n")
	diags := c.diagnostics(uri)
	var msgs []string
	found := false
	for _, d := range diags {
		msgs = append(msgs, fmt.Sprintf("%d: %s", d.Range.Start.Line, d.Message))
		if d.Range.Start.Line == line && strings.Contains(d.Message, "severty") {
			found = true
		}
	}
	if !found {
		t.Errorf("no diagnostic for severty on line %d; got %q", line, msgs)
	}

	// Hovering a key shows what it means, from the schema's description.
	detLine := strings.Count(typo[:strings.Index(typo, "\ndetection:")+1], "\n")
	hover := c.call("textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": detLine, "character": 2},
	})
	if !strings.Contains(string(hover), "How the scenario is recognised and confirmed") {
		t.Errorf("hover on detection shows %s", hover)
	}

	// A key completes at the top level: drill is a playbook key the file
	// does not have yet.
	completed := typo + "dri"
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"text": completed}},
	})
	last := strings.Count(completed, "\n")
	res := c.call("textDocument/completion", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"position":     map[string]any{"line": last, "character": 3},
	})
	var list struct {
		Items []struct {
			Label string `json:"label"`
		} `json:"items"`
	}
	if err := json.Unmarshal(res, &list); err != nil {
		t.Fatalf("completion result %s: %v", res, err)
	}
	var labels []string
	for _, it := range list.Items {
		labels = append(labels, it.Label)
	}
	if !strings.Contains(" "+strings.Join(labels, " ")+" ", " drill ") {
		t.Errorf("completion offers no drill key: %q", labels)
	}
}

// lspClient speaks JSON-RPC over the server's standard streams.
type lspClient struct {
	t        *testing.T
	in       io.Writer
	msgs     chan map[string]json.RawMessage
	id       int
	settings map[string]any
}

func startLSP(t *testing.T, server, root string) *lspClient {
	t.Helper()
	cmd := exec.Command(server, "--stdio")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	outp, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	c := &lspClient{t: t, in: in, msgs: make(chan map[string]json.RawMessage, 64), settings: map[string]any{
		"validate": true, "completion": true, "hover": true, "schemaStore": map[string]any{"enable": false},
	}}
	go c.read(bufio.NewReader(outp))
	rootURI := (&url.URL{Scheme: "file", Path: root}).String()
	c.call("initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": rootURI,
		"workspaceFolders": []any{map[string]any{"uri": rootURI, "name": "manual"}},
		"capabilities": map[string]any{
			"workspace":    map[string]any{"configuration": true},
			"textDocument": map[string]any{"completion": map[string]any{"completionItem": map[string]any{"snippetSupport": false}}, "publishDiagnostics": map[string]any{}},
		},
		"initializationOptions": map[string]any{},
	})
	c.notify("initialized", map[string]any{})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"yaml": c.settings}})
	return c
}

func (c *lspClient) read(r *bufio.Reader) {
	defer close(c.msgs)
	for {
		n := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				n, _ = strconv.Atoi(v)
			}
		}
		if n < 0 {
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m map[string]json.RawMessage
		if json.Unmarshal(body, &m) == nil {
			c.msgs <- m
		}
	}
}

func (c *lspClient) send(m map[string]any) {
	m["jsonrpc"] = "2.0"
	body, err := json.Marshal(m)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatal(err)
	}
}

func (c *lspClient) notify(method string, params any) {
	c.send(map[string]any{"method": method, "params": params})
}

// call sends a request and waits for its result, answering the server's
// own requests (configuration, registrations) meanwhile.
func (c *lspClient) call(method string, params any) json.RawMessage {
	c.t.Helper()
	c.id++
	id := c.id
	c.send(map[string]any{"id": id, "method": method, "params": params})
	var result json.RawMessage
	c.await(method, func(m map[string]json.RawMessage) bool {
		if _, isReq := m["method"]; isReq || string(m["id"]) != strconv.Itoa(id) {
			return false
		}
		if e, ok := m["error"]; ok {
			c.t.Fatalf("%s: %s", method, e)
		}
		result = m["result"]
		return true
	})
	return result
}

type lspDiagnostic struct {
	Range struct {
		Start struct{ Line, Character int }
	}
	Message string
}

// diagnostics waits for the first non-empty diagnostics published for uri.
func (c *lspClient) diagnostics(uri string) []lspDiagnostic {
	c.t.Helper()
	var out []lspDiagnostic
	c.await("diagnostics", func(m map[string]json.RawMessage) bool {
		if string(m["method"]) != `"textDocument/publishDiagnostics"` {
			return false
		}
		var p struct {
			URI         string          `json:"uri"`
			Diagnostics []lspDiagnostic `json:"diagnostics"`
		}
		if json.Unmarshal(m["params"], &p) != nil || p.URI != uri || len(p.Diagnostics) == 0 {
			return false
		}
		out = p.Diagnostics
		return true
	})
	return out
}

// await reads messages until done accepts one, answering server requests.
func (c *lspClient) await(what string, done func(map[string]json.RawMessage) bool) {
	c.t.Helper()
	timeout := time.After(20 * time.Second)
	for {
		select {
		case m, ok := <-c.msgs:
			if !ok {
				c.t.Fatalf("the language server exited while waiting for %s", what)
			}
			if id, isReq := m["id"]; isReq && m["method"] != nil {
				c.answer(id, m)
				continue
			}
			if done(m) {
				return
			}
		case <-timeout:
			c.t.Fatalf("no %s from the language server in 20 s", what)
		}
	}
}

// answer replies to a server request: the yaml settings when it asks for
// configuration, null otherwise.
func (c *lspClient) answer(id json.RawMessage, m map[string]json.RawMessage) {
	var result any
	if string(m["method"]) == `"workspace/configuration"` {
		var p struct {
			Items []struct {
				Section string `json:"section"`
			} `json:"items"`
		}
		_ = json.Unmarshal(m["params"], &p)
		items := make([]any, len(p.Items))
		for i, it := range p.Items {
			if it.Section == "yaml" {
				items[i] = c.settings
			}
		}
		result = items
	}
	c.send(map[string]any{"id": id, "result": result})
}
