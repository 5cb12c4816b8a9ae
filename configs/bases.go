package configs

// Bases lists the scenarios a scenario extends, nearest first, as Load
// finds them: a built-in by its name, a file by its path (a relative
// extends read from the directory of the file that gives it). A built-in
// with no extends, or a file whose chain cannot be read (Load says why),
// lists what was found up to there. A command uses it to suggest, for a
// file that does not keep its base's name, the built-in it derives from.
func Bases(nameOrPath string) []string {
	var out []string
	file, src, ok := nameOrPath, []byte(nil), false
	if IsBuiltinRef(nameOrPath) {
		file = builtinFile(nameOrPath)
		src, ok = builtinSource(nameOrPath)
	} else {
		b, err := ReadFile(nameOrPath)
		src, ok = b, err == nil
	}
	for ok && len(out) <= maxExtends {
		var e errs
		raw := decodeFile(file, src, &e)
		if raw == nil || !raw.Extends.Set || raw.Extends.Bad != nil {
			break
		}
		ref := raw.Extends.V
		file = basePath(file, ref)
		if IsBuiltinRef(ref) {
			out = append(out, ref)
			src, ok = builtinSource(ref)
			continue
		}
		out = append(out, file)
		b, err := ReadFile(file)
		src, ok = b, err == nil
	}
	return out
}
