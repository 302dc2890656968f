// Package drill turns a run into a rehearsal: a clock that can run N times
// faster, injects from the playbook's drill section delivered at their time
// offsets and answered by the trainee, and a quiz generated from the manual.
// The record of each playbook's last drill is kept by drillrecord.
package drill
