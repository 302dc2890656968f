// Package templates embeds the example manual's message files (one go-i18n
// file per locale) for the manual built into the crisis binary.
package templates

import "embed"

// FS holds es.yaml, en.yaml, pl.yaml and pt.yaml, and es-PE.yaml, the
// Spanish texts that differ for Peru.
//
//go:embed *.yaml
var FS embed.FS
