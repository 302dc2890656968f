// Package drill turns a run into a rehearsal: a clock that can run N times
// faster, injects from the playbook's drill section delivered at their time
// offsets and answered by the trainee, a quiz generated from the manual, and
// the record of each playbook's last drill that lint reads.
package drill
