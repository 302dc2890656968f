package manual

import (
	"maps"
	"slices"

	"gopkg.in/yaml.v3"

	"github.com/crisis-cli/crisis/internal/diag"
	"github.com/crisis-cli/crisis/internal/lang"
)

// The description of a variable is what an operator reads when a run asks
// for its value, so it is translated as a step's texts are (format 1.1): a
// playbook's translation file gives its variables' descriptions under
// variables:, NAME: {hash, description}, and the manual's own variables,
// declared in playbooks/manual.yaml, are translated in
// playbooks/manual.LOCALE.yaml, a translation file holding only that
// section. A run shows them in the language it shows the steps in.

// ManualID is the id a translation file of the manual file bears:
// playbooks/manual.pl.yaml translates playbooks/manual.yaml. No playbook
// can have it, since playbooks/manual.yaml is not a playbook.
const ManualID = "manual"

// VarText is the translation of one variable's description.
type VarText struct {
	Hash        string
	Description string
	Pos         Pos // the variable's name, as a key
}

// TextHash is the hash of the variable's description.
func (v *Variable) TextHash() string { return TextHash(v.Description) }

// ManualTranslation returns the manual file's translation into locale,
// nil when it has none.
func (m *Manual) ManualTranslation(locale string) *Translation {
	return firstOf(m.Translations, func(t *Translation) bool { return t.Playbook == ManualID && t.Locale == locale })
}

// Describe is the description of v as the operator reads it: in the
// playbook's language when p was localized (see Manual.Localize) and the
// manual translates it, else as declared.
func (p *Playbook) Describe(v *Variable) string {
	if s, ok := p.manualDescriptions[v.Name]; ok && s != "" {
		return s
	}
	return v.Description
}

// withVariables gives lp, p in locale, the descriptions of the manual's
// variables in that locale: the manual itself stays as loaded, shared by
// every playbook and command.
func (m *Manual) withVariables(lp *Playbook, locale string) *Playbook {
	t := m.ManualTranslation(locale)
	if t == nil || len(t.Variables) == 0 {
		return lp
	}
	lp.manualDescriptions = make(map[string]string, len(t.Variables))
	for name, vt := range t.Variables {
		lp.manualDescriptions[name] = vt.Description
	}
	return lp
}

// localVariables is vars with the descriptions t gives.
func localVariables(vars []Variable, t *Translation) []Variable {
	if len(t.Variables) == 0 {
		return vars
	}
	out := slices.Clone(vars)
	for i := range out {
		if vt := t.Variables[out[i].Name]; vt != nil {
			out[i].Description = or(vt.Description, out[i].Description)
		}
	}
	return out
}

// decodeManualTranslation fills t from the root node of a translation of
// the manual file: the descriptions of its variables, nothing else.
func (d *decoder) decodeManualTranslation(root *yaml.Node, t *Translation) {
	o := d.object(root, "a translation of the manual", append([]string{"crisis", "kind", "variables"}, manualTextSections()...)...)
	d.header(&o, "translation")
	t.Pos = d.pos(root)
	t.At = o.at()
	t.Variables = d.decodeVarTexts(&o)
	t.Texts = d.decodeManualTexts(&o)
}

// decodeVarTexts reads a translation's variables: section, part of format
// 1.1.
func (d *decoder) decodeVarTexts(o *object) map[string]*VarText {
	n := o.get("variables", false)
	if n == nil || !d.since11(n, "variables: in a translation") {
		return nil
	}
	out := map[string]*VarText{}
	read := d.ids(n, idMap{key: "a variable name",
		shape: func(found *lang.Error) (*lang.Error, *lang.Error) {
			return say("loader.var-texts", args{"Found": found}), say("loader.var-texts.hint", nil)
		},
		check: badVarName("loader.variable-name"),
		twice: firstAt("loader.var-translated-twice", "Name"),
	}, func(k, v *yaml.Node, name string) bool {
		vo := d.object(v, "the texts of variable "+name, "hash", "description")
		out[name] = &VarText{Hash: vo.str("hash", false), Description: vo.str("description", false), Pos: d.pos(k)}
		return true
	})
	if !read {
		return nil
	}
	return out
}

// resolveManualTranslation checks a translation of the manual file as
// resolveTranslations does a playbook's: not into the default locale, once
// per locale, of variables the manual declares.
func resolveManualTranslation(m *Manual, t *Translation, diags *diag.List) {
	top := Pos{File: t.File, Line: 1, Col: 1}
	switch {
	case t.Locale == m.Locales.Default:
		report(diags, top, RuleDangling, say("loader.translation-default", args{"File": ManualFile, "Locale": t.Locale}),
			say("loader.translation-default.hint", args{"File": ManualFile}))
		return
	case m.ManualTranslation(t.Locale) != t:
		report(diags, top, RuleDuplicate, say("loader.translation-twice", args{"File": ManualFile, "Locale": t.Locale, "Other": m.ManualTranslation(t.Locale).File}),
			say("loader.translation-twice.hint", nil))
		return
	case len(m.Locales.Supported) > 0 && !slices.Contains(m.Locales.Supported, t.Locale):
		warn(diags, top, RuleDangling, say("loader.unsupported-locale", args{"File": t.File, "Locale": q(t.Locale)}),
			say("loader.unsupported-locale.hint", args{"File": ManualFile}))
	}
	resolveVarTexts(ManualFile, m.Variables, t, diags)
	resolveManualTexts(m, t, diags)
}

// resolveVarTexts reports a description translated for a variable that
// file does not declare.
func resolveVarTexts(file string, vars []Variable, t *Translation, diags *diag.List) {
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = v.Name
	}
	for _, name := range slices.Sorted(maps.Keys(t.Variables)) {
		if !slices.Contains(names, name) {
			report(diags, t.Variables[name].Pos, RuleDangling, say("loader.no-such-variable", args{"File": file, "Name": q(name)}),
				didYouMean(name, names))
		}
	}
}
