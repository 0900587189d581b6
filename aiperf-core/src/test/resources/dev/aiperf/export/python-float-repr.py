# Writes python-float-repr.txt, the known answers of PythonNumbersTest: one double per line as its IEEE 754 bits in
# hex, a space, and Python's repr of it. Run from this directory: python3 python-float-repr.py > python-float-repr.txt
import math
import random
import struct

def bits(x):
    return struct.unpack('>Q', struct.pack('>d', x))[0]

values = [0.0, -0.0, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
          0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 75.0, 0.18100000000000002, 22.09944751381215, 2.675, 1.5e-7,
          9007199254740992.0, 9007199254740994.0, 9999999999999998.0, 1e16, 1e15, 123456789.0, 0.001, 0.0001,
          0.00001, 1e22, 1e23, 2e23, 8.41e21, 5e-310, 1.7625515347970678e18]
for k in range(1, 300):                                   # the smallest subnormals, where one digit can be enough
    values.append(k * 5e-324)
for e in range(-325, 310):                                # powers of ten and their neighbours: every layout threshold
    p = float('1e%d' % e)
    if p != 0.0 and not math.isinf(p):
        values += [p, math.nextafter(p, 0.0), math.nextafter(p, math.inf), 9.5 * p, 1.25 * p]
rng = random.Random(20260425)
for _ in range(500):                                      # any bit pattern
    x = struct.unpack('>d', struct.pack('>Q', rng.getrandbits(64)))[0]
    if not math.isnan(x) and not math.isinf(x):
        values.append(x)
for _ in range(600):                                      # what records hold: ns differences in ms, rates, ratios
    ns = rng.randrange(1, 10 ** 12)
    values += [ns / 1e6, ns * 1e-6, ns / 1e9, rng.randrange(1, 5000) / (ns / 1e9), rng.random() * 10 ** rng.randrange(-8, 20)]
seen = set()
for x in values:
    if not math.isinf(x) and bits(x) not in seen:       # JSON writes inf as Infinity, not as repr does
        seen.add(bits(x))
        print('%016x %s' % (bits(x), repr(x)))
