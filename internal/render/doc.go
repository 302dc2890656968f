// Package render turns a playbook's announcements into ready-to-paste texts:
// one per announcement, channel and locale, each measured against its
// channel's real limit (as overridden by the manual). `crisis render`, `crisis
// run` and lint's fit rule all render through here.
package render
