// The lexer: Ruchy source text to tokens with exact positions, f-strings included (token.h). It
// never fails: bad characters become kError tokens with a diagnostic, and lexing goes on. It does
// not recurse, so no input is too deep for it.
#ifndef RUCHY_FRONTEND_LEX_LEXER_H_
#define RUCHY_FRONTEND_LEX_LEXER_H_

#include <vector>

#include "ruchy_frontend/lex/token.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {

// Lexes the whole file; the last token is kEof.
std::vector<Token> Lex(const SourceFile& file, Diagnostics& diags);
// Lexes one file of a program of several (SourceFile::AddFile).
std::vector<Token> LexPart(const SourceFile& file, size_t part, Diagnostics& diags);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_LEX_LEXER_H_
