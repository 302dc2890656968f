package message

import (
	"errors"
	"fmt"
	"strings"

	"github.com/crisis-cli/crisis/internal/manual"
)

// Request asks for one message on one channel kind in one locale.
type Request struct {
	Message string
	Kind    string // channel kind; picks the variant
	Locale  string
	Data    map[string]any // variable values; count variables as int
	Count   any            // the value choosing the plural form, nil for none
	Drill   bool           // mark the text as an exercise
	Channel string         // the channel's id, whose drill mark may be its own; empty: the kind's
	// Tag is the reader's full locale (pt-PT for a text in pt), whose
	// CLDR plural rules choose the form; empty: Locale's own.
	Tag string
	// Region is the full locale every reader of the text reads under
	// (es-PE; manual.SharedTag), whose regional catalogue
	// (templates/es-PE.yaml) is read before Locale's, text by text;
	// empty: Locale's texts alone.
	Region string
}

// Result is a localized message.
type Result struct {
	Subject string
	Header  string // WhatsApp templates
	Footer  string
	Text    string
	Locale  string   // the locale actually used
	Chain   []string // the fallback chain that was followed
	Variant string   // the template id used for the text
	// Region is the regional catalogue a text was taken from (es-PE),
	// empty when every text is Locale's.
	Region string
	// Warnings are problems that did not stop rendering but must be seen:
	// a locale fallback, a plural form missing in a translation.
	Warnings []string
}

// Render localizes a message. It follows the fallback chain locale by
// locale, preferring the requested language in its generic variant over
// another language's channel variant: the audience reads the language.
func (c *Catalog) Render(req Request) (Result, error) {
	chain := c.Chain(req.Locale)
	res := Result{Chain: chain}
	loc, locs, textID, parts, ok := c.text(req, chain)
	if !ok {
		return res, fmt.Errorf("message %q: %w in %s", req.Message, ErrNoMessage, strings.Join(chain, ", "))
	}
	res.Locale, res.Variant = loc, textID
	if loc != req.Locale {
		res.Warnings = append(res.Warnings, fmt.Sprintf("message %q has no %s text; using %s (tried %s)",
			req.Message, req.Locale, loc, strings.Join(chain, " -> ")))
	}
	var err error
	if res.Text, err = c.execute(c.holder(locs, textID), textID, req, &res); err != nil {
		return res, err
	}
	for part, dst := range map[string]*string{"subject": &res.Subject, "header": &res.Header, "footer": &res.Footer} {
		if id := parts[part]; id != "" {
			if *dst, err = c.execute(c.holder(locs, id), id, req, &res); err != nil {
				return res, err
			}
		}
	}
	if req.Drill {
		res.MarkDrill(c.drillMark(loc, req.Kind, req.Channel))
	}
	return res, nil
}

// text finds the text Render takes: in the first locale of chain with the
// kind's variant or the generic one, its id (the body's when it has parts)
// and the locales it is looked up in (withRegion).
func (c *Catalog) text(req Request, chain []string) (loc string, locs []string, id string, parts map[string]string, ok bool) {
	for _, loc := range chain {
		locs := c.withRegion(loc, req.Region)
		if id, parts, ok := c.variant(locs, req.Message, req.Kind); ok {
			return loc, locs, id, parts, true
		}
	}
	return "", nil, "", nil, false
}

// Text names the text Render takes for req, without rendering it: the
// locale whose file holds it and its id; parts when it has a subject or
// other parts besides (id then names its body). Not ok when no locale of
// the chain has one. Lint bounds the text Render would take to know
// whether rendering it can matter.
func (c *Catalog) Text(req Request) (file, id string, parts, ok bool) {
	_, locs, id, ps, ok := c.text(req, c.Chain(req.Locale))
	if !ok {
		return "", "", false, false
	}
	return c.holder(locs, id), id, ps != nil, true
}

// MarkDrill marks a rendered text as an exercise with mark, the manual's
// for the language it was rendered in (Catalog.DrillMark). Every part a
// reader may see on its own carries the mark: a WhatsApp header or footer
// is shown apart from the body.
func (res *Result) MarkDrill(mark string) {
	for _, part := range []*string{&res.Text, &res.Subject, &res.Header, &res.Footer} {
		if part == &res.Text || *part != "" {
			*part = mark + " " + *part
		}
	}
}

// DrillMark is the exercise mark of a text in locale on a channel of kind
// with id channel in the catalog's manual (manual.Manual.DrillMarkFor).
func (c *Catalog) DrillMark(locale, kind, channel string) string {
	return c.drillMark(locale, kind, channel)
}

func (c *Catalog) execute(loc, id string, req Request, res *Result) (string, error) {
	tag := req.Tag
	if loc != res.Locale { // a regional catalogue's text (Catalog.withRegion)
		res.Region, tag = loc, loc
	}
	text, err := c.localize(loc, tag, id, req.Data, req.Count)
	if err != nil {
		if text == "" {
			pos, atAction := c.formPos(loc, id, err)
			return "", &RenderError{ID: id, Locale: loc, Err: err, Pos: pos, AtAction: atAction}
		}
		// go-i18n fell back to the "other" form: render, but say so.
		res.Warnings = append(res.Warnings, fmt.Sprintf("%s (%s): %v", id, loc, err))
	}
	return text, nil
}

// RenderError is a text of a message that could not be rendered; Err is a
// *TemplateError when the template itself failed.
type RenderError struct {
	ID, Locale string     // the template id (holding.sms, holding.email.subject) and its locale
	Pos        manual.Pos // where the failing text is written, when known
	AtAction   bool       // Pos is the failing action's own line and column
	Err        error
}

func (e *RenderError) Error() string {
	if e.Pos.File != "" {
		return fmt.Sprintf("%s: %s (%s): %v", e.Pos, e.ID, e.Locale, e.shown())
	}
	return fmt.Sprintf("%s (%s): %v", e.ID, e.Locale, e.shown())
}

// shown is the reason as the error tells it: a template error placed at
// its action in the file leaves out its place within the text, which the
// file's line and column already say.
func (e *RenderError) shown() error {
	if te, ok := e.Err.(*TemplateError); ok && e.AtAction {
		return te.Reason()
	}
	return e.Err
}

// formPos finds the text of a template error among the forms of a message,
// so the error names the file, line and column it is written at: the
// action that failed, placed as lint places it (manual.TextPos), else the
// text.
func (c *Catalog) formPos(loc, id string, err error) (pos manual.Pos, atAction bool) {
	var te *TemplateError
	msg := c.files[loc].Lookup(id)
	if msg == nil || !errors.As(err, &te) {
		return manual.Pos{}, false
	}
	for form, text := range msg.Forms {
		if text == te.Text {
			start := msg.FormPos[form]
			if c.source != nil {
				if at, ok := manual.TextPos(c.source, start, te.Text, te.Line, te.Col); ok {
					return at, te.Col > 0
				}
			}
			return start, false
		}
	}
	return manual.Pos{}, false
}

// Unwrap gives the reason as shown, for the interface language, and the
// error itself, for errors.Is and errors.As.
func (e *RenderError) Unwrap() []error { return []error{e.shown(), e.Err} }
