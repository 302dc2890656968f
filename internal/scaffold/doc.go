// Package scaffold writes a new, small crisis manual for an organisation
// from a few answers: its name, time zone and languages, its audiences, the
// channels it really has and the people who speak and approve. The result
// is meant to be read and edited by a person, so the files are written as
// text with comments in the manual's own language, not encoded from a
// model; and it must pass `crisis lint` with no finding at all, which the
// package's tests check for every combination of choices.
//
// The playbooks are those that fit the channels chosen: a shop that lives
// on WhatsApp and Instagram gets whatsapp-down, instagram-down and
// meta-outage (both fail with Meta); one with its own website gets
// website-down. Every playbook's fallbacks are the channels of the same
// audience that do not share the failed channel's provider, so no fallback
// fails with what it replaces.
//
// A small organisation (one or two people) has no deputies and no staff to
// tell; Small writes a .crisis.yaml that turns off the two rules that only
// make sense with staff and deputies (CR104 and CR201), each with a comment
// saying why, so the choice is visible and easy to undo.
package scaffold
