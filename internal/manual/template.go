package manual

import "strings"

// MaxVariableLength bounds a variable's max_length, in characters. Values
// fill message texts; the longest a message of any channel may hold is a
// few thousand characters.
const MaxVariableLength = 2000

// TemplateFile is one locale's message file in templates/: a go-i18n message
// file whose ids follow the manual's naming scheme (see Variant).
type TemplateFile struct {
	Locale   string
	File     string
	Messages []*Message
	Pos      Pos
}

// Message is one go-i18n message, with the position of each plural form so
// findings point at the text itself.
type Message struct {
	ID          string // full id: holding.sms, holding.email.subject ...
	Description string
	Hash        string            // hash of the default-locale source it was translated from
	Forms       map[string]string // CLDR plural category -> template text
	Pos         Pos               // the message's key
	FormPos     map[string]Pos    // the position of each form's text
}

// Text is the message's "other" form, the one every message has.
func (m *Message) Text() string { return m.Forms["other"] }

// Parts of a channel variant that has more than one text.
var Parts = []string{"subject", "body", "header", "footer"}

// GenericVariant is the variant used on any channel that has none of its own.
const GenericVariant = "default"

// SplitID splits a template id into message, variant and part:
// "holding.email.subject" -> ("holding", "email", "subject"). The variant is
// a channel kind or "default"; the part is empty for single-text variants.
func SplitID(id string) (message, variant, part string) {
	message, rest, _ := strings.Cut(id, ".")
	variant, part, _ = strings.Cut(rest, ".")
	return message, variant, part
}

// MessageIDs lists the distinct message names (the part before the first
// dot) declared in the file.
func (t *TemplateFile) MessageIDs() []string {
	var ids []string
	seen := map[string]bool{}
	for _, m := range t.Messages {
		name, _, _ := SplitID(m.ID)
		if !seen[name] {
			seen[name] = true
			ids = append(ids, name)
		}
	}
	return ids
}

// Lookup finds the message with the given full id.
func (t *TemplateFile) Lookup(id string) *Message {
	return firstOf(t.Messages, func(m *Message) bool { return m.ID == id })
}
