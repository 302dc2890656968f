// Package genmanual writes synthetic crisis manuals: a manual.yaml with a
// realistic organisation, any number of playbooks and message files in up to
// twelve locales. It exists so the loader, lint and renderers can be measured
// and tested on manuals far bigger than the example one (a retailer with a
// thousand scenarios, one per store and provider), without anyone checking
// such a manual in.
//
// The output depends only on the options: the random choices come from a
// fixed-seed generator and nothing is written in map order, so two runs give
// the same bytes and a benchmark or a golden test always sees the same input.
package genmanual
