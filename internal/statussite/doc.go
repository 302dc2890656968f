// Package statussite builds the organisation's own status page from the
// manual and the journals of its runs: one static HTML page per locale of
// the manual, Atom, RSS 2.0 and JSON Feed 1.1 feeds per locale and a
// status.json, and publishes them to a bucket (gocloud.dev/blob) or a git
// repository for Pages hosting.
//
// # What a reader sees
//
// Every real run is an incident. Its state is derived from its journal,
// event by event, and never goes backwards:
//
//	run.started                                  investigating
//	a holding step's announcement marked sent    identified
//	a cadence update (updates#N) marked sent     monitoring
//	run.all-clear, or the all-clear step's
//	announcement marked sent                     resolved
//
// Any announcement marked sent moves the state on, but only those marked
// sent on a channel of kind status-page are published: one update per step
// and message, whatever the locales. What went to staff, suppliers or the
// press on their own channels never reaches the public page. Its text is
// the one the run rendered for the status page and the operator sent; a
// locale the run did not send in shows the text of the manual's default
// locale (else the next one sent), marked with its own lang attribute. Its id is derived from
// the run id and the sequence number of the journal event that first marked
// it sent, so rebuilding never makes a feed reader show it twice.
//
// Times are shown in the manual's time zone (manual.yaml's timezone), named
// on the page, because that is the clock the manual's steps and deadlines
// are written in; feeds carry RFC 3339 instants with their offset.
//
// Drills never reach the public site: they are built only with
// Options.Drill, into a preview folder whose every page says it is an
// exercise.
package statussite
