// Package manual reads a crisis manual (a folder of YAML playbooks and go-i18n
// message files) into a typed model that keeps the file, line and column of
// every node.
//
// Loading never stops at the first problem: Load returns the model it could
// build together with every problem it found (syntax, unknown keys, wrong
// types, duplicate ids, dangling references), each as a diag.Diagnostic with
// a position and a hint. Lint builds its checks on the same model.
//
// The loader is hand-written over yaml.v3 nodes rather than yaml struct tags
// because struct decoding stops at the first error, loses positions and
// silently ignores unknown keys: exactly what a manual read under stress
// must not do.
package manual
