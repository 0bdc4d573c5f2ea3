#include <cstdio>
#include <string>
#include <vector>
#if __has_include(<zlib.h>)
#error host header visible
#endif
int main(){ std::vector<std::string> v{"hi"}; std::printf("%s %zu\n", v[0].c_str(), v.size()); }
