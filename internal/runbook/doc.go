// Package runbook is a run of a playbook: the guided sequence of steps during
// a real outage (or a drill), recorded event by event in a crash-safe journal.
//
// The state of a run is never stored; it is derived by replaying the
// journal's events through Apply. An action appends exactly one event,
// synced to disk, and only then changes the in-memory state by applying that
// same event. Resuming after Ctrl-C, a closed terminal or kill -9 replays the
// journal and continues where the last synced event left it, so no event is
// lost and none is doubled.
package runbook
