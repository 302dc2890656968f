package lint

import (
	"errors"
	"slices"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/manual"
	"github.com/crisis-cli/crisis/internal/message"
)

func init() {
	register(Meta{ID: "CR404", Severity: diag.Error, Scope: ScopeManual}, checkRender)
}

// checkRender executes every form that parsed (CR401 reports the others)
// of every message some playbook sends (CR-unused reports the others).
func checkRender(c *Context) {
	m, f := c.Manual, c.facts
	refused := map[*manual.Message]map[string]bool{}
	for _, e := range f.parseErrs {
		if refused[e.msg] == nil {
			refused[e.msg] = map[string]bool{}
		}
		refused[e.msg][e.form] = true
	}
	var vals []fitValue
	var key []byte
	var cols []int
	var rowSeen []bool
	var forms []renderForm
	tables := f.tables()
	for _, t := range m.Templates {
		for _, msg := range t.Messages {
			name, _, _ := manual.SplitID(msg.ID)
			// Every playbook that sends the message fills it with its own
			// values: a text may fail with the second one's only. Playbooks
			// that give it the same values are rendered once; those that
			// share a row of the table give it the same values.
			seen := map[string]bool{}
			// The forms to execute, looked up once per message rather than
			// for every playbook's values.
			forms = forms[:0]
			for _, form := range manual.PluralForms {
				if tmpl := f.compiled[formKey{msg, form}]; tmpl != nil && !refused[msg][form] {
					forms = append(forms, renderForm{form, tmpl, f.boundOf(name, msg, form)})
				}
			}
			cols = tables.columns(cols[:0], f.msgVars[msg])
			rowSeen = rowSeen[:0]
			lt, places := tables.byLocale[t.Locale], f.places[name]
			for i, p := range f.announcers[name] {
				var ok bool
				if lt == nil {
					vals, ok = f.worst.values(vals[:0], p, t.Locale, f.msgVars[msg])
				} else {
					row := lt.rowOf[places[i]]
					if len(rowSeen) == 0 {
						rowSeen = append(rowSeen, make([]bool, len(lt.rows))...)
					}
					if !rowSeen[row] {
						rowSeen[row] = true
						vals, ok = lt.values(vals[:0], row, cols)
					}
				}
				if !ok {
					continue
				}
				key = appendKey(key[:0], vals)
				if seen[string(key)] {
					continue
				}
				seen[string(key)] = true
				if !slices.ContainsFunc(forms, func(rf renderForm) bool { return !rf.bound.cannotFail(vals) }) {
					continue // no form can fail with these values
				}
				data := dataOf(vals)
				for _, v := range f.msgVars[msg] {
					if _, ok := data[v]; !ok {
						data[v] = v // undeclared: CR402 says so; render the rest
					}
				}
				for _, rf := range forms {
					// Each form was compiled once, with the facts.
					if rf.bound.cannotFail(vals) {
						continue
					}
					if _, err := rf.tmpl.Execute(data); err != nil && !c.reversedByExamples(p, err) {
						c.reportTemplate(msg, rf.form, err, "lint.CR404", renderHint(err), args{"Message": msg.ID, "Form": rf.form, "Playbook": p.ID})
					}
				}
			}
		}
	}
}

// renderForm is a form CR404 executes, with its bound (nil when it has
// none).
type renderForm struct {
	form  string
	tmpl  *message.Template
	bound *formBound
}

// renderHint is the hint saying how to fix what made a text fail to render.
func renderHint(err error) string {
	switch {
	case errors.Is(err, message.ErrTooLong), errors.Is(err, message.ErrTooSlow):
		return "lint.CR404.long.hint"
	case message.IsCountAsText(err):
		// A function that takes text given a count.
		return "lint.CR404.type.hint"
	}
	return "lint.CR404.hint"
}

// reportTemplate reports a template error at the action that failed when
// the text maps onto the file, else at the text with its line and column
// in the message. The error is the message's {{.Error}}.
func (c *Context) reportTemplate(msg *manual.Message, form string, err error, id, hint string, data args) {
	start := msg.FormPos[form]
	pos, text := start, err.Error()
	var te *message.TemplateError
	if errors.As(err, &te) {
		if at, ok := manual.TextPos(c.sources.Line, start, te.Text, te.Line, te.Col); ok {
			pos, text = at, te.Msg
		}
	}
	data["Error"] = templateWords{text, err}
	c.Report(pos, id, hint, data)
}
