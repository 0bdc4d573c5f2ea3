// `option ?? default`: the default is evaluated only when the Option is empty, statements it
// needs included (`o ?? g()?` must not return g's error when `o` holds a value).
#include <string>
#include <vector>

#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

std::string Emitter::Coalesce(const Expr* e) {
  std::string temp = Temp("opt");
  Line("auto " + temp + " = " + Expr_(e->a.get()) + ";");
  size_t mark = lines_.size();
  int saved = indent_;
  std::string rhs = Expr_(e->b.get());
  if (lines_.size() == mark) return "(" + temp + " ? *" + temp + " : " + rhs + ")";
  // The default needs statements (`o ?? g()?`): they must only run when the Option is empty.
  std::vector<std::string> prelude(lines_.begin() + mark, lines_.end());
  lines_.resize(mark);
  indent_ = saved;
  std::string out = Temp("coalesced");
  Line(CppType(TypeOf(e)) + " " + out + "{};");
  Open("if (" + temp + ") {");
  Line(out + " = std::move(*" + temp + ");");
  Close();
  Open("if (!" + temp + ") {");
  for (const std::string& l : prelude) lines_.push_back("  " + l);
  Line(out + " = " + rhs + ";");
  Close();
  return out;
}

}  // namespace ruchy
