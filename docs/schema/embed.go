// Package schema embeds the JSON Schemas of the manual's files, so the
// crisis binary can write them where a user's editor finds them
// (`crisis schema`, `crisis init`) instead of pointing at this repository.
package schema

import "embed"

// FS holds manual.schema.json, playbook.schema.json,
// translation.schema.json and messages.schema.json: the schemas of the
// manual's own files, which editors check. (lint-output.schema.json describes lint's JSON report,
// for the tools that read it; it is no file of a manual.)
//
//go:embed manual.schema.json playbook.schema.json translation.schema.json messages.schema.json
var FS embed.FS
