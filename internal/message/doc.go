// Package message localizes a manual's message templates: it builds a
// go-i18n bundle from the templates/ files, picks the channel variant of a
// message, follows the locale fallback chain (es-PE -> es -> the manual's
// default) and reports it, chooses CLDR plural forms, and executes the
// template with the variables' values as data.
//
// Templates are text/template with a small set of functions (see Funcs);
// none of them can read files, the environment or the network, and values
// are inserted as text, never parsed as templates.
package message
