// Primary expressions, the operands of operators: literals, names, paths and macros, struct
// literals, parentheses and tuples, arrays and comprehensions, maps, closures and anonymous
// functions, and the expressions introduced by a keyword (control flow is in control_flow.cc).
#include <cerrno>
#include <cstdlib>

#include "ruchy_frontend/parse/parser_impl.h"

namespace ruchy {

ExprPtr Parser::ParsePrimary() {
  const Token& t = Cur();
  if (AtIdent("unsafe") && PeekTok().kind == Tok::kLBrace) return ParseUnsafeBlock();
  switch (t.kind) {
    case Tok::kInt:
      return ParseIntLiteral();
    case Tok::kFloat: {
      ExprPtr e = MakeExpr(ExprKind::kFloat, Advance());
      e->float_value = std::strtod(t.text.c_str(), nullptr);
      e->suffix = t.suffix;
      return e;
    }
    case Tok::kTrue:
    case Tok::kFalse: {
      ExprPtr e = MakeExpr(ExprKind::kBool, Advance());
      e->bool_value = t.kind == Tok::kTrue;
      return e;
    }
    case Tok::kNull:
      return MakeExpr(ExprKind::kUnit, Advance());
    case Tok::kString: {
      ExprPtr e = MakeExpr(ExprKind::kString, Advance());
      e->text = t.text;
      return e;
    }
    case Tok::kFStringStart:
      return ParseFString();
    case Tok::kChar:
    case Tok::kByte: {
      ExprPtr e = MakeExpr(t.kind == Tok::kChar ? ExprKind::kChar : ExprKind::kInt, Advance());
      if (t.kind == Tok::kByte) {
        e->int_value = static_cast<unsigned char>(t.text[0]);
        e->suffix = "u8";
      } else {
        e->text = t.text;
      }
      return e;
    }
    case Tok::kSelf:
      return MakeExpr(ExprKind::kSelf, Advance());
    case Tok::kIdent:
      return ParseIdentExpr();
    case Tok::kLParen:
      return ParseParenExpr();
    case Tok::kLBracket:
      return ParseArrayExpr();
    case Tok::kLBrace:
      return LooksLikeMap() ? ParseMapExpr() : ParseBraceBlock();
    case Tok::kPipe:
    case Tok::kOrOr:
      return ParseClosure();
    case Tok::kBackslash:
      return ParseBackslashLambda();
    case Tok::kIf:
      return ParseIf();
    case Tok::kMatch:
      return ParseMatch();
    case Tok::kWhile:
    case Tok::kFor:
    case Tok::kLoop:
      return ParseLoop("");
    case Tok::kLifetime: {
      Advance();
      Expect(Tok::kColon, "after the loop label");
      if (!At(Tok::kWhile) && !At(Tok::kFor) && !At(Tok::kLoop)) {
        ReportHere<diag::kExpectedLoopAfterLabel>(Describe(Cur()));
        return ErrorExpr();
      }
      return ParseLoop(t.text);
    }
    case Tok::kBreak:
    case Tok::kContinue: {
      ExprPtr e = MakeExpr(t.kind == Tok::kBreak ? ExprKind::kBreak : ExprKind::kContinue, Advance());
      if (At(Tok::kLifetime) && !Cur().newline_before) e->text = Advance().text;
      if (t.kind == Tok::kBreak && CanStartExpr() && !At(Tok::kElse)) e->a = ParseExpr();
      return e;
    }
    case Tok::kReturn: {
      ExprPtr e = MakeExpr(ExprKind::kReturn, Advance());
      if (CanStartExpr() && !At(Tok::kElse)) e->a = ParseExpr();
      return e;
    }
    case Tok::kThrow: {
      ExprPtr e = MakeExpr(ExprKind::kThrow, Advance());
      e->a = ParseExpr();
      return e;
    }
    case Tok::kTry:
      return ParseTry();
    case Tok::kAsync:
      if (PeekTok().kind == Tok::kLBrace) {
        Advance();
        return ParseBraceBlock();
      }
      break;
    case Tok::kFun:
    case Tok::kFn:
      return ParseAnonymousFun();
    case Tok::kError:
      Advance();  // the lexer has reported it
      return ErrorExpr();
    default:
      break;
  }
  ReportHere<diag::kExpectedExpression>(Describe(t));
  if (!AtEnd() && !At(Tok::kRBrace) && !At(Tok::kRParen) && !At(Tok::kRBracket) && !At(Tok::kEnd)) SkipToken();
  return ErrorExpr();
}

ExprPtr Parser::ParseIntLiteral() {
  const Token& t = Advance();
  ExprPtr e = MakeExpr(ExprKind::kInt, t);
  e->suffix = t.suffix;
  const std::string& digits = t.text;
  int base = digits.rfind("0x", 0) == 0   ? 16
             : digits.rfind("0b", 0) == 0 ? 2
             : digits.rfind("0o", 0) == 0 ? 8
                                          : 10;
  const char* begin = digits.c_str() + (base == 10 ? 0 : 2);
  if (*begin == '\0') return e;  // `0x` alone: the lexer reported it
  errno = 0;
  char* end = nullptr;
  e->int_value = std::strtoull(begin, &end, base);
  if (errno == ERANGE || *end != '\0') {
    ReportAt<diag::kIntegerLiteralTooLarge>(t.loc, t.length, digits);
  }
  return e;
}

ExprPtr Parser::ParseIdentExpr() {
  const Token& t = Advance();
  // x => x * 2
  if (At(Tok::kFatArrow) && !in_match_guard_) {
    Advance();
    ExprPtr e = MakeExpr(ExprKind::kClosure, t);
    Param p;
    p.loc = t.loc;
    p.name = t.text;
    e->params.push_back(std::move(p));
    e->a = ParseExpr();
    return e;
  }
  if (t.text == "matches" && At(Tok::kBang) && PeekTok().kind == Tok::kLParen) return ParseMatchesMacro(t);
  // Macros: println!(...), format!(...), vec![...]
  if (At(Tok::kBang) && (PeekTok().kind == Tok::kLParen || PeekTok().kind == Tok::kLBracket) &&
      !PeekTok().newline_before) {
    Advance();
    if (At(Tok::kLBracket)) return ParseArrayExpr();
    ExprPtr call = MakeExpr(ExprKind::kCall, t);
    ExprPtr callee = MakeExpr(ExprKind::kName, t);
    callee->text = t.text;
    call->a = std::move(callee);
    call->list = ParseArgs();
    return call;
  }
  ExprPtr e = MakeExpr(ExprKind::kName, t);
  e->text = t.text;
  // Paths: Shape::Circle, HashMap::new, math::add, Vec::<i64>::new
  if (At(Tok::kColonColon)) {
    e->kind = ExprKind::kPath;
    while (Accept(Tok::kColonColon)) {
      if (Accept(Tok::kLess)) {
        for (TypeExprPtr& arg : ParseTypeArgs()) e->type_args.push_back(std::move(arg));
        continue;
      }
      // `var` is a keyword, yet a name after `::` (`std::env::var`).
      std::string part = At(Tok::kVar)     ? (Advance(), std::string("var"))
                         : At(Tok::kIdent) ? Advance().text
                                           : ExpectIdent("a name after `::`");
      if (e->text == "std" || e->text == "collections") {
        e->text = part;
      } else {
        e->text += "::" + part;
      }
    }
    e->length = Cur().loc.offset - t.loc.offset;
  }
  // Struct literal: Point { x: 1, y: 2 } (not where a block must follow, as in `if x == P {`)
  if (At(Tok::kLBrace) && !no_struct_ && LooksLikeStructLiteral(e->text)) {
    return ParseStructLiteral(std::move(e));
  }
  return e;
}

bool Parser::LooksLikeStructLiteral(const std::string& name) const {
  std::string last = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
  if (!IsUpperName(last)) return false;
  const Token& a = PeekTok(1);
  const Token& b = PeekTok(2);
  if (a.kind == Tok::kRBrace) return true;
  if (a.kind == Tok::kDotDot) return true;
  return a.kind == Tok::kIdent && (b.kind == Tok::kColon || b.kind == Tok::kComma || b.kind == Tok::kRBrace);
}

ExprPtr Parser::ParseStructLiteral(ExprPtr name) {
  ExprPtr e = std::make_unique<Expr>(ExprKind::kStructLit, name->loc);
  e->length = name->length;
  e->text = name->text;
  ParseList(Tok::kLBrace, "to start the struct literal", Tok::kRBrace, "to close the struct literal", [&] {
    if (Accept(Tok::kDotDot)) {
      e->a = ParseExpr();
      return false;  // `..base` comes last
    }
    const Token& field = Cur();
    std::string fname = ExpectIdent("a field name");
    if (fname == "<error>") {
      Recover();
      return false;
    }
    if (Accept(Tok::kColon)) {
      e->field_inits.emplace_back(fname, ParseExpr());
    } else {
      ExprPtr shorthand = MakeExpr(ExprKind::kName, field);
      shorthand->text = fname;
      e->field_inits.emplace_back(fname, std::move(shorthand));
    }
    return true;
  });
  return e;
}

// `()`, `(e)`, and tuples `(a, b)`, `(a,)`.
ExprPtr Parser::ParseParenExpr() {
  const Token& open = Advance();
  if (Accept(Tok::kRParen)) return MakeExpr(ExprKind::kUnit, open);
  NoStructScope scope(*this, false);
  ExprPtr first = ParseExpr();
  if (Accept(Tok::kRParen)) return first;
  ExprPtr tuple = MakeExpr(ExprKind::kTuple, open);
  tuple->list.push_back(std::move(first));
  if (!Accept(Tok::kComma)) {
    Expect(Tok::kRParen, "to close the tuple");
    return tuple;
  }
  ParseListUntil(Tok::kRParen, "to close the tuple", [&] {
    tuple->list.push_back(ParseExpr());
    return true;
  });
  return tuple;
}

// `[a, b]`, `[v; n]`, and comprehensions `[x * x for x in xs if x > 1]`.
ExprPtr Parser::ParseArrayExpr() {
  const Token& open = Advance();
  NoStructScope scope(*this, false);
  ExprPtr array = MakeExpr(ExprKind::kArray, open);
  if (Accept(Tok::kRBracket)) return array;
  ExprPtr first = ParseExpr();
  if (Accept(Tok::kSemi)) {
    ExprPtr repeat = MakeExpr(ExprKind::kArrayRepeat, open);
    repeat->a = std::move(first);
    repeat->b = ParseExpr();
    Expect(Tok::kRBracket, "to close the array");
    return repeat;
  }
  if (Accept(Tok::kFor)) {
    ExprPtr comp = MakeExpr(ExprKind::kComprehension, open);
    comp->a = std::move(first);
    comp->pattern = ParsePattern();
    Expect(Tok::kIn, "in the comprehension");
    comp->b = ParseBinary(1);
    if (Accept(Tok::kIf)) comp->c = ParseExpr();
    Expect(Tok::kRBracket, "to close the comprehension");
    return comp;
  }
  array->list.push_back(std::move(first));
  if (!Accept(Tok::kComma)) {
    Expect(Tok::kRBracket, "to close the array");
    return array;
  }
  ParseListUntil(Tok::kRBracket, "to close the array", [&] {
    array->list.push_back(ParseExpr());
    return true;
  });
  return array;
}

bool Parser::LooksLikeMap() const {
  const Token& a = PeekTok(1);
  const Token& b = PeekTok(2);
  if (a.kind == Tok::kRBrace) return true;  // `{}` in expression position is an empty map
  return (a.kind == Tok::kString || a.kind == Tok::kInt || a.kind == Tok::kIdent || a.kind == Tok::kChar) &&
         b.kind == Tok::kColon;
}

ExprPtr Parser::ParseMapExpr() {
  ExprPtr map = MakeExpr(ExprKind::kMap, Advance());
  // `{name: "a", age: 3}`, every key a bare name, is a record (an anonymous struct) unless the
  // context wants a map or JSON; the checker decides (check/records.cc).
  bool all_names = true;
  ParseListUntil(Tok::kRBrace, "to close the map", [&] {
    ExprPtr key;
    if (At(Tok::kIdent) && PeekTok().kind == Tok::kColon) {
      // { name: 1 } uses the bare word as a string key, like an object literal.
      const Token& k = Advance();
      key = MakeExpr(ExprKind::kString, k);
      key->text = k.text;
    } else {
      all_names = false;
      key = ParseExpr();
    }
    Expect(Tok::kColon, "between the map key and value");
    map->map_entries.emplace_back(std::move(key), ParseExpr());
    return true;
  });
  map->flag = all_names && !map->map_entries.empty();
  return map;
}

// `|a, b| body`, `|x: i64| -> i64 { ... }`, `|| body`.
ExprPtr Parser::ParseClosure() {
  ExprPtr e = MakeExpr(ExprKind::kClosure, Cur());
  std::vector<std::pair<PatternPtr, std::string>> patterns;  // `|(k, v)| ...` (desugar.cc)
  if (!Accept(Tok::kOrOr)) {
    Advance();
    ParseListUntil(Tok::kPipe, "to close the closure parameters", [&] {
      if (At(Tok::kLParen)) {
        ParsePatternParam(*e, patterns);
        return true;
      }
      Param p;
      Accept(Tok::kAmp);
      p.is_mut = Accept(Tok::kMut);
      p.loc = Cur().loc;
      p.name = ExpectIdent("a closure parameter");
      if (p.name == "<error>") return false;
      if (Accept(Tok::kColon)) p.type = ParseType();
      e->params.push_back(std::move(p));
      return true;
    });
  }
  if (Accept(Tok::kArrow)) {
    e->type = ParseType();
    e->a = ParseBraceBlock();
  } else {
    e->a = ParseExpr(no_struct_);
  }
  e->a = WrapPatternParams(std::move(e->a), std::move(patterns));
  return e;
}

// Anonymous function: fun(x) { x + 1 }
ExprPtr Parser::ParseAnonymousFun() {
  ExprPtr e = MakeExpr(ExprKind::kClosure, Advance());
  FunDecl tmp;
  ParseParams(tmp);
  e->params = std::move(tmp.params);
  if (Accept(Tok::kArrow)) e->type = ParseType();
  e->a = ParseBodyBlock("the anonymous function");
  return e;
}

}  // namespace ruchy
