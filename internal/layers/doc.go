// Package layers holds no code: its test writes down how the packages of
// crisis stand on one another and fails when a package imports one at its
// own layer or above, so that imports keep flowing one way.
package layers
