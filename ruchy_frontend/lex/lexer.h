// The lexer: Ruchy source text to tokens with exact positions. It never fails: bad characters
// become kError tokens with a diagnostic, and lexing goes on.
#ifndef RUCHY_FRONTEND_LEX_LEXER_H_
#define RUCHY_FRONTEND_LEX_LEXER_H_

#include <vector>

#include "ruchy_frontend/lex/token.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {

// Lexes `file.text()[begin, end)`. The whole file by default; the parser also lexes the
// `{expr}` holes of an f-string in place so their tokens keep their real positions.
std::vector<Token> Lex(const SourceFile& file, Diagnostics& diags, uint32_t begin = 0,
                       uint32_t end = UINT32_MAX);

// Decodes the escape whose letter is at text[pos] (just after a backslash) into `out`; returns
// how many bytes it took. Unknown escapes stay literal, as in the reference; a malformed
// `\u{...}` sets *ok to false. Strings and the text of f-strings share it.
size_t DecodeEscape(std::string_view text, size_t pos, std::string& out, bool* ok);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_LEX_LEXER_H_
