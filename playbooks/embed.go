// Package playbooks embeds the example manual's playbooks, so the crisis
// binary works out of the box: with no manual found, it uses this one.
package playbooks

import "embed"

// FS holds manual.yaml and every scenario of the example manual.
//
//go:embed *.yaml
var FS embed.FS
