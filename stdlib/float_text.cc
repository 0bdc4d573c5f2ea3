// Exact decimal text of doubles with big integers (see ruchy/float_text.h for why not to_chars).
//
// A finite nonzero double is f * 2^e with f < 2^53. Every routine here writes it as the fraction
// r / s of two big integers and produces decimal digits by long division, one digit per step, so
// every digit and every rounding decision is exact. The largest number ever held is about 2^1140
// (the smallest subnormal scaled by 10^324, times 10), well inside Big's capacity.
#include "ruchy/float_text.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace rt {
namespace {

constexpr int kMantissaBits = 52;
constexpr int kExponentBias = 1075;  // value = f * 2^(biased - kExponentBias) for normal numbers
constexpr int kMinExponent = -1074;  // of subnormals and of the smallest normal binade
constexpr uint64_t kHiddenBit = uint64_t{1} << kMantissaBits;
constexpr double kLog10Of2 = 0.30102999566398120;
constexpr uint32_t kBillion = 1000000000;

// A nonnegative integer of up to kLimbs * 32 bits, little-endian base 2^32.
class Big {
 public:
  static constexpr int kLimbs = 40;  // 1280 bits

  explicit Big(uint64_t v = 0) {
    limbs_[0] = static_cast<uint32_t>(v);
    limbs_[1] = static_cast<uint32_t>(v >> 32);
    size_ = limbs_[1] != 0 ? 2 : limbs_[0] != 0 ? 1 : 0;
  }

  bool IsZero() const { return size_ == 0; }

  void MulSmall(uint32_t m) {
    uint64_t carry = 0;
    for (int i = 0; i < size_; ++i) {
      uint64_t p = uint64_t{limbs_[i]} * m + carry;
      limbs_[i] = static_cast<uint32_t>(p);
      carry = p >> 32;
    }
    if (carry != 0) Push(static_cast<uint32_t>(carry));
  }

  void MulPow10(int n) {
    static constexpr uint32_t kSmallPowers[] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    for (; n >= 9; n -= 9) MulSmall(kBillion);
    if (n > 0) MulSmall(kSmallPowers[n]);
  }

  void ShiftLeft(int bits) {
    if (IsZero() || bits == 0) return;
    int words = bits / 32;
    int rest = bits % 32;
    if (size_ + words + 1 > kLimbs) std::abort();  // beyond any double's needs: a bug here
    limbs_[size_ + words] = 0;
    for (int i = size_ - 1; i >= 0; --i) {
      uint32_t v = limbs_[i];
      if (rest != 0) limbs_[i + words + 1] |= v >> (32 - rest);
      limbs_[i + words] = v << rest;
    }
    for (int i = 0; i < words; ++i) limbs_[i] = 0;
    size_ += words + 1;
    Trim();
  }

  void Add(const Big& o) {
    int n = size_ > o.size_ ? size_ : o.size_;
    uint64_t carry = 0;
    for (int i = 0; i < n; ++i) {
      uint64_t sum = carry + (i < size_ ? limbs_[i] : 0) + (i < o.size_ ? o.limbs_[i] : 0);
      limbs_[i] = static_cast<uint32_t>(sum);
      carry = sum >> 32;
    }
    size_ = n;
    if (carry != 0) Push(static_cast<uint32_t>(carry));
  }

  // *this -= o; requires *this >= o.
  void Sub(const Big& o) {
    int64_t borrow = 0;
    for (int i = 0; i < size_; ++i) {
      int64_t d = int64_t{limbs_[i]} - (i < o.size_ ? o.limbs_[i] : 0) - borrow;
      borrow = d < 0 ? 1 : 0;
      limbs_[i] = static_cast<uint32_t>(d + (borrow << 32));
    }
    Trim();
  }

  // *this -= o * q; requires *this >= o * q.
  void SubMul(const Big& o, uint32_t q) {
    uint64_t carry = 0;
    int64_t borrow = 0;
    for (int i = 0; i < size_; ++i) {
      uint64_t p = (i < o.size_ ? uint64_t{o.limbs_[i]} * q : 0) + carry;
      carry = p >> 32;
      int64_t d = int64_t{limbs_[i]} - static_cast<uint32_t>(p) - borrow;
      borrow = d < 0 ? 1 : 0;
      limbs_[i] = static_cast<uint32_t>(d + (borrow << 32));
    }
    Trim();
  }

  // A quotient estimate of *this / o, never above the true quotient (o nonzero, quotient < 2^32):
  // the leading 64 bits of *this over the leading limb of o plus one.
  uint32_t QuotientEstimate(const Big& o) const {
    int top = o.size_ - 1;
    if (size_ < o.size_) return 0;
    uint64_t head = limbs_[top];
    if (size_ > o.size_) head |= uint64_t{limbs_[top + 1]} << 32;
    return static_cast<uint32_t>(head / (uint64_t{o.limbs_[top]} + 1));
  }

  // *this /= d; returns the remainder.
  uint32_t DivSmall(uint32_t d) {
    uint64_t rem = 0;
    for (int i = size_ - 1; i >= 0; --i) {
      uint64_t cur = (rem << 32) | limbs_[i];
      limbs_[i] = static_cast<uint32_t>(cur / d);
      rem = cur % d;
    }
    Trim();
    return static_cast<uint32_t>(rem);
  }

  friend int Compare(const Big& a, const Big& b) {
    if (a.size_ != b.size_) return a.size_ < b.size_ ? -1 : 1;
    for (int i = a.size_ - 1; i >= 0; --i) {
      if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] < b.limbs_[i] ? -1 : 1;
    }
    return 0;
  }

 private:
  void Push(uint32_t v) {
    if (size_ == kLimbs) std::abort();  // beyond any double's needs: a bug here
    limbs_[size_++] = v;
  }
  void Trim() {
    while (size_ > 0 && limbs_[size_ - 1] == 0) --size_;
  }

  int size_;
  uint32_t limbs_[kLimbs];
};

Big Sum(const Big& a, const Big& b) {
  Big s = a;
  s.Add(b);
  return s;
}

Big Twice(const Big& a) {
  Big t = a;
  t.ShiftLeft(1);
  return t;
}

// The quotient digit of r / s (r < 10 s) and r becomes the remainder.
int DivDigit(Big& r, const Big& s) {
  uint32_t d = r.QuotientEstimate(s);  // the exact digit or one or two below it
  if (d != 0) r.SubMul(s, d);
  while (Compare(r, s) >= 0) {
    r.Sub(s);
    ++d;
  }
  return static_cast<int>(d);
}

struct Parts {
  bool negative;
  bool finite;
  bool nan;
  uint64_t f;  // |v| = f * 2^e; zero when v is zero
  int e;
};

Parts Decompose(double v) {
  uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  Parts p{};
  p.negative = (bits >> 63) != 0;
  uint64_t fraction = bits & (kHiddenBit - 1);
  int biased = static_cast<int>((bits >> kMantissaBits) & 0x7ff);
  p.finite = biased != 0x7ff;
  p.nan = !p.finite && fraction != 0;
  p.f = biased == 0 ? fraction : (fraction | kHiddenBit);
  p.e = biased == 0 ? kMinExponent : biased - kExponentBias;
  return p;
}

int BitLength(uint64_t x) {
  int n = 0;
  for (; x != 0; x >>= 1) ++n;
  return n;
}

// A lower bound on floor(log10(f * 2^e)), off by at most one.
int Log10Estimate(uint64_t f, int e) {
  double log10 = (e + BitLength(f) - 1) * kLog10Of2;
  int k = static_cast<int>(log10);
  return k > log10 ? k - 1 : k;  // floor for negatives too
}

// r / s = f * 2^e.
void AsFraction(uint64_t f, int e, Big& r, Big& s) {
  r = Big(f);
  s = Big(1);
  if (e >= 0) {
    r.ShiftLeft(e);
  } else {
    s.ShiftLeft(-e);
  }
}

// Scales r / s into [1, 10) and returns K with r / s * 10^K equal to the value before.
int ScaleToOneDigit(Big& r, Big& s, int estimate) {
  if (estimate >= 0) {
    s.MulPow10(estimate);
  } else {
    r.MulPow10(-estimate);
  }
  int k = estimate;
  while (Compare(r, s) < 0) {
    r.MulSmall(10);
    --k;
  }
  Big ten_s = s;
  ten_s.MulSmall(10);
  while (Compare(r, ten_s) >= 0) {
    s = ten_s;
    ten_s.MulSmall(10);
    ++k;
  }
  return k;
}

// Shortest digits: the value is 0.D1D2... * 10^point.
struct Digits {
  std::string digits;
  int point = 0;
};

// Integers below 2^53 (most doubles programs print) have their own digits as the shortest: every
// other decimal within half a unit of them has more digits. False when V is not one of them.
bool IntegerDigits(uint64_t f, int e, Digits& out) {
  if (e > 0 || e < -kMantissaBits) return false;
  uint64_t n = f >> -e;
  if ((n << -e) != f) return false;
  for (; n != 0; n /= 10) out.digits.insert(out.digits.begin(), static_cast<char>('0' + n % 10));
  out.point = static_cast<int>(out.digits.size());
  while (out.digits.back() == '0') out.digits.pop_back();
  return true;
}

// Burger & Dybvig's free-format algorithm: the fewest digits inside the rounding interval of
// f * 2^e (its ends included when f is even, as round-half-even reading includes them), the last
// one chosen closest to the value (ties to even). f > 0.
Digits ShortestDigits(uint64_t f, int e) {
  const bool even = (f & 1) == 0;
  // The gap below a power of two is half the gap above it.
  const int lower_is_closer = (f == kHiddenBit && e > kMinExponent) ? 1 : 0;
  // v = r / s; the interval is (v - m_minus / s, v + m_plus / s).
  Big r(f);
  Big s(1);
  Big m_plus(1);
  Big m_minus(1);
  if (e >= 0) {
    r.ShiftLeft(e + 1 + lower_is_closer);
    s.ShiftLeft(1 + lower_is_closer);
    m_plus.ShiftLeft(e + lower_is_closer);
    m_minus.ShiftLeft(e);
  } else {
    r.ShiftLeft(1 + lower_is_closer);
    s.ShiftLeft(1 - e + lower_is_closer);
    m_plus.ShiftLeft(lower_is_closer);
  }
  // Smallest k with the high end below 10^k (at or below it when the end is excluded).
  int k = Log10Estimate(f, e);
  if (k >= 0) {
    s.MulPow10(k);
  } else {
    r.MulPow10(-k);
    m_plus.MulPow10(-k);
    m_minus.MulPow10(-k);
  }
  auto high_reaches = [&](const Big& rr, const Big& mp, const Big& ss) {
    int c = Compare(Sum(rr, mp), ss);
    return even ? c >= 0 : c > 0;
  };
  while (high_reaches(r, m_plus, s)) {
    s.MulSmall(10);
    ++k;
  }
  Digits out;
  out.point = k;
  while (true) {
    r.MulSmall(10);
    m_plus.MulSmall(10);
    m_minus.MulSmall(10);
    int d = DivDigit(r, s);
    int c_low = Compare(r, m_minus);
    bool low_done = even ? c_low <= 0 : c_low < 0;
    bool high_done = high_reaches(r, m_plus, s);
    if (!low_done && !high_done) {
      out.digits += static_cast<char>('0' + d);
      continue;
    }
    if (low_done && high_done) {
      int c = Compare(Twice(r), s);
      if (c > 0 || (c == 0 && d % 2 == 1)) ++d;
    } else if (high_done) {
      ++d;
    }
    out.digits += static_cast<char>('0' + d);
    return out;
  }
}

// N digits of r / s in [1, 10), exactly rounded at the last (ties to even). True when rounding
// carried out of the first digit: the digits are then 1 followed by zeros, one more power of ten.
bool RoundedDigits(Big r, const Big& s, int n, std::string& digits) {
  for (int i = 0; i < n; ++i) {
    if (i > 0) {
      if (r.IsZero()) {
        digits.append(n - i, '0');
        return false;
      }
      r.MulSmall(10);
    }
    digits += static_cast<char>('0' + DivDigit(r, s));
  }
  int c = Compare(Twice(r), s);
  if (c < 0 || (c == 0 && (digits.back() - '0') % 2 == 0)) return false;
  for (size_t i = digits.size(); i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return false;
    }
    digits[i] = '0';
  }
  digits.insert(digits.begin(), '1');
  digits.pop_back();
  return true;
}

void AppendExponent(std::string& out, int exponent) {
  out += 'e';
  out += exponent < 0 ? '-' : '+';
  unsigned magnitude = exponent < 0 ? -exponent : exponent;
  if (magnitude < 10) out += '0';
  std::string text;
  do {
    text.insert(text.begin(), static_cast<char>('0' + magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  out += text;
}

// D1.D2D3...e+XX
void AppendScientific(std::string& out, const std::string& digits, int exponent) {
  out += digits[0];
  if (digits.size() > 1) {
    out += '.';
    out.append(digits, 1, std::string::npos);
  }
  AppendExponent(out, exponent);
}

// The exact value of an integral double f * 2^e.
void AppendExactInteger(std::string& out, uint64_t f, int e) {
  Big n(e >= 0 ? f : f >> -e);
  if (e > 0) n.ShiftLeft(e);
  std::string text;
  while (!n.IsZero()) {
    uint32_t chunk = n.DivSmall(kBillion);
    for (int i = 0; i < 9; ++i) {
      text += static_cast<char>('0' + chunk % 10);
      chunk /= 10;
    }
  }
  while (text.size() > 1 && text.back() == '0') text.pop_back();
  if (text.empty()) text = "0";
  out.append(text.rbegin(), text.rend());
}

// Shortest digits in fixed notation. Trailing zeros stand for exact digits (the standard asks for
// the representation closest to the value among the shortest): when the digits end left of the
// point, the value is an integer and its exact digits are written.
void AppendShortestFixed(std::string& out, const Digits& d, uint64_t f, int e) {
  const int count = static_cast<int>(d.digits.size());
  if (d.point <= 0) {
    out += "0.";
    out.append(-d.point, '0');
    out += d.digits;
  } else if (d.point < count) {
    out.append(d.digits, 0, d.point);
    out += '.';
    out.append(d.digits, d.point, std::string::npos);
  } else if (d.point == count) {
    out += d.digits;
  } else {
    AppendExactInteger(out, f, e);
  }
}

size_t FixedLength(const Digits& d) {
  const int count = static_cast<int>(d.digits.size());
  if (d.point <= 0) return 2 + -d.point + count;
  if (d.point < count) return count + 1;
  return d.point;
}

size_t ScientificLength(const Digits& d) {
  int exponent = d.point - 1;
  int magnitude = exponent < 0 ? -exponent : exponent;
  size_t exponent_digits = magnitude >= 100 ? 3 : 2;
  return d.digits.size() + (d.digits.size() > 1 ? 1 : 0) + 2 + exponent_digits;
}

// inf, nan: true when V is one of them (written).
bool AppendSpecial(std::string& out, const Parts& p) {
  if (p.finite) return false;
  if (p.negative) out += '-';
  out += p.nan ? "nan" : "inf";
  return true;
}

}  // namespace

void AppendShortestFloat(std::string& out, double v, FloatForm form) {
  Parts p = Decompose(v);
  if (AppendSpecial(out, p)) return;
  if (p.negative) out += '-';
  if (p.f == 0) {
    out += form == FloatForm::kScientific ? "0e+00" : "0";
    return;
  }
  Digits d;
  if (!IntegerDigits(p.f, p.e, d)) d = ShortestDigits(p.f, p.e);
  bool fixed = form == FloatForm::kFixed ||
               (form == FloatForm::kPlain && FixedLength(d) <= ScientificLength(d));
  if (fixed) {
    AppendShortestFixed(out, d, p.f, p.e);
  } else {
    AppendScientific(out, d.digits, d.point - 1);
  }
}

void AppendFloatWithPrecision(std::string& out, double v, FloatForm form, int precision) {
  Parts p = Decompose(v);
  if (AppendSpecial(out, p)) return;
  if (p.negative) out += '-';
  if (precision < 0) precision = 0;
  std::string digits;
  int exponent = 0;  // of the first digit
  if (p.f != 0) {
    Big r;
    Big s;
    AsFraction(p.f, p.e, r, s);
    exponent = ScaleToOneDigit(r, s, Log10Estimate(p.f, p.e));
    if (form == FloatForm::kScientific) {
      if (RoundedDigits(r, s, precision + 1, digits)) ++exponent;
    } else {
      // Digits down to 10^-precision: exponent + 1 + precision of them.
      int n = exponent + 1 + precision;
      if (n == 0) {
        // Only the rounding: up to 10^-precision when the value is above half of it.
        Big ten_s = s;
        ten_s.MulSmall(10);
        if (Compare(Twice(r), ten_s) > 0) {
          digits = "1";
          exponent = -precision;
        }
      } else if (n > 0 && RoundedDigits(r, s, n, digits)) {
        ++exponent;
        digits += '0';
      }
    }
  }
  if (form == FloatForm::kScientific) {
    if (digits.empty()) digits.assign(precision + 1, '0');
    AppendScientific(out, digits, exponent);
    return;
  }
  // digits is the integer value * 10^precision (empty: zero).
  if (static_cast<int>(digits.size()) <= precision) {
    out += '0';
    if (precision > 0) {
      out += '.';
      out.append(precision - digits.size(), '0');
      out += digits;
    }
    return;
  }
  size_t whole = digits.size() - precision;
  out.append(digits, 0, whole);
  if (precision > 0) {
    out += '.';
    out.append(digits, whole, std::string::npos);
  }
}

}  // namespace rt
