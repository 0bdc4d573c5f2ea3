// Modules, `use` and `pub`: what a path names, from the module it is written in, and whether
// that module may name it (docs/language.md, "Modules and packages").
//
// A path's first segment is looked up outward from the current module (its items, modules and
// imports, then its parent's, ...) but not past the root of a library: code in a library never
// sees the program that uses it. `crate`, `self` and `super` start from the package root, the
// current module and its parent. Each later segment is an item, module or `pub use` of the module
// before it. An item is visible in the module that declares it and inside that module; elsewhere
// only if it is `pub` (and so is every module on the way to it).
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ruchy_frontend/ast/module_path.h"
#include "ruchy_frontend/check/checker_impl.h"

namespace ruchy {

using module_path::Anchor;
using module_path::AnchorOf;
using module_path::Inside;
using module_path::Parent;
using module_path::Qualified;
using module_path::Segments;

void Checker::CollectModuleNames() {
  for (const std::string& root : options_.package_roots) package_roots_.insert(root);
  for (const Item& item : program_.items) {
    std::string full;
    Loc loc = item.loc;
    bool is_pub = item.is_pub;
    if (item.kind == Item::Kind::kFun) {
      full = item.fun->name;
      loc = item.fun->loc;
      is_pub = is_pub || item.fun->is_pub;
    } else if (item.kind == Item::Kind::kType) {
      full = item.type->name;
      loc = item.type->loc;
    } else if (item.kind == Item::Kind::kMod) {
      full = item.path;
    } else if (IsModuleConst(item)) {
      full = ModuleConstName(item);
      loc = item.stmt->pattern->loc;
      module_const_items_.emplace(full, &item);
    } else {
      continue;
    }
    if (!declared_.insert(full).second) continue;  // duplicates are reported with declarations
    declared_at_[full] = loc;
    if (is_pub || package_roots_.count(full)) pub_items_.insert(full);
  }
}

std::string Checker::PackageRootOf(const std::string& module) const {
  for (std::string m = module; !m.empty(); m = Parent(m)) {
    if (package_roots_.count(m)) return m;
  }
  return "";
}

bool Checker::VisibleFrom(const std::string& path, const std::string& from) const {
  return pub_items_.count(path) || Inside(from, Parent(path));
}

Checker::PathResolution Checker::ResolvePath(const std::string& written, const std::string& from) const {
  PathResolution r;
  std::vector<std::string> segs = Segments(written);
  std::string cur;
  size_t i = 0;
  Anchor anchor = AnchorOf(segs[0]);
  if (anchor == Anchor::kCrate) {
    cur = PackageRootOf(from);
    i = 1;
  } else if (module_path::Relative(anchor)) {
    cur = from;
    for (; i < segs.size() && module_path::Relative(AnchorOf(segs[i])); ++i) {
      if (AnchorOf(segs[i]) == Anchor::kSelf) continue;
      if (cur.empty() || package_roots_.count(cur)) {
        r.missing_in = "module `" + module_path::DisplayName(cur) + "`";
        r.missing = "super";
        return r;
      }
      cur = Parent(cur);
    }
  } else {
    // Outward from `from`, to its package's root; past it, only the libraries themselves.
    bool found = false;
    bool past_root = false;
    std::string mod = from;
    while (true) {
      std::string full = Qualified(mod, segs[0]);
      if (!past_root || package_roots_.count(full)) {
        if (declared_.count(full)) {
          cur = full;
          found = true;
          break;
        }
        auto alias = aliases_.find(full);
        if (alias != aliases_.end()) {
          cur = alias->second.target;
          found = true;
          break;
        }
      }
      if (mod.empty()) break;
      if (package_roots_.count(mod)) past_root = true;
      mod = Parent(mod);
    }
    if (!found) {
      r.missing_in = "module `" + module_path::DisplayName(from) + "`";
      r.missing = segs[0];
      return r;
    }
    i = 1;
  }
  for (; i < segs.size(); ++i) {
    std::string next = Qualified(cur, segs[i]);
    if (declared_.count(next)) {
      if (r.blocked.empty() && !VisibleFrom(next, from)) r.blocked = next;
      cur = next;
      continue;
    }
    auto alias = aliases_.find(next);
    if (alias != aliases_.end()) {
      if (r.blocked.empty() && !alias->second.is_pub && !Inside(from, cur)) r.blocked = next;
      cur = alias->second.target;
      continue;
    }
    r.missing_in = "module `" + module_path::DisplayName(cur) + "`";
    r.missing = segs[i];
    return r;
  }
  r.found = true;
  r.full = cur;
  return r;
}

void Checker::ResolveImports() {
  CollectModuleNames();
  struct Pending {
    const Item* item;
    const UseName* use;
  };
  std::vector<Pending> pending;
  for (const Item& item : program_.items) {
    if (item.kind != Item::Kind::kUse) continue;
    for (const UseName& u : item.uses) {
      // `std::` paths are the compiler's built-ins, always available, unless they name a
      // Ruchy-written module of the standard library that the loader read (driver/modules.h).
      std::vector<std::string> segs = Segments(u.path);
      if (AnchorOf(segs[0]) == Anchor::kStd &&
          (segs.size() < 2 || !declared_.count(Qualified(std::string(module_path::kStdPackage), segs[1])))) {
        continue;
      }
      if (u.is_glob) {
        ReportAt<diag::kGlobImport>(u.loc, u.length, u.path);
        failed_globs_.insert(item.module);
        continue;
      }
      pending.push_back(Pending{&item, &u});
    }
  }
  // An import may go through another (`use a::b` then `use b::c`): resolve until nothing moves.
  bool progress = true;
  while (progress && !pending.empty()) {
    progress = false;
    std::vector<Pending> still;
    for (const Pending& p : pending) {
      if (ResolvePath(p.use->path, p.item->module).found) {
        AddImport(*p.item, *p.use);
        progress = true;
      } else {
        still.push_back(p);
      }
    }
    pending = std::move(still);
  }
  for (const Pending& p : pending) {
    PathResolution r = ResolvePath(p.use->path, p.item->module);
    ReportAt<diag::kUnknownImport>(p.use->loc, p.use->length, p.use->path, r.missing_in, r.missing);
    failed_imports_.insert(Qualified(p.item->module, p.use->alias));
  }
}

void Checker::AddImport(const Item& item, const UseName& u) {
  PathResolution r = ResolvePath(u.path, item.module);
  if (!r.blocked.empty()) ReportPrivate(u.loc, u.length, r.blocked);
  std::string key = Qualified(item.module, u.alias);
  if (key == r.full) return;  // `use geometry` at the top: it is already that
  if (declared_.count(key)) {
    ReportAt<diag::kImportClash>(u.loc, u.length, u.alias, r.full, key);
    return;
  }
  auto old = aliases_.find(key);
  if (old != aliases_.end()) {
    if (old->second.target != r.full) ReportAt<diag::kImportClash>(u.loc, u.length, u.alias, r.full, old->second.target);
    return;
  }
  aliases_[key] = ImportAlias{r.full, item.is_pub, u.loc};
}

void Checker::ReportPrivate(Loc loc, uint32_t length, const std::string& item) {
  if (!reported_access_.insert(loc.offset).second) return;
  std::string where = "?";
  auto at = declared_at_.find(item);
  Loc decl = at != declared_at_.end() ? at->second : aliases_.count(item) ? aliases_.at(item).loc : Loc{};
  if (at != declared_at_.end() || aliases_.count(item)) {
    const SourceFile& file = diags_.file();
    where = file.PathAt(decl) + ":" + std::to_string(file.Position(decl).line);
  }
  ReportAt<diag::kPrivateItem>(loc, length, item, module_path::DisplayName(Parent(item)), where);
}

bool Checker::ImportFailed(const std::string& name) const {
  if (failed_imports_.empty() && failed_globs_.empty()) return false;
  std::string head = name.substr(0, name.find("::"));
  for (std::string mod = module_;; mod = Parent(mod)) {
    if (failed_imports_.count(Qualified(mod, head)) || failed_globs_.count(mod)) return true;
    if (mod.empty()) return false;
  }
}

void Checker::CheckAccess(Loc loc, uint32_t length, const std::string& written) {
  if (written.find("::") == std::string::npos) return;
  PathResolution r = ResolvePath(written, module_);
  if (!r.blocked.empty()) ReportPrivate(loc, length, r.blocked);
}

}  // namespace ruchy
