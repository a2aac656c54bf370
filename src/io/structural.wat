;; The structural index of a CSV chunk: the offsets of every delimiter, line feed, carriage return and
;; double quote, found 16 bytes at a time with WebAssembly SIMD. The scanner then visits only these
;; positions (about one in ten bytes) instead of every byte.
;;
;; structural(in, len, out, delim) -> count
;;   in:    offset of the chunk in memory; bytes [in, in + len) are examined, and 16 bytes past the end
;;          must be readable (the caller keeps them zero)
;;   out:   offset of an i32 array receiving the positions, relative to `in`, in increasing order
;;   delim: the delimiter byte
(module
  (memory (export "memory") 1)
  (func (export "structural") (param $in i32) (param $len i32) (param $out i32) (param $delim i32) (result i32)
    (local $at i32) (local $end i32) (local $mask i32) (local $count i32) (local $block v128)
    (local $d v128) (local $lf v128) (local $cr v128) (local $quote v128)
    (local.set $d (i8x16.splat (local.get $delim)))
    (local.set $lf (i8x16.splat (i32.const 10)))
    (local.set $cr (i8x16.splat (i32.const 13)))
    (local.set $quote (i8x16.splat (i32.const 34)))
    (local.set $end (i32.add (local.get $in) (local.get $len)))
    (local.set $at (local.get $in))
    (block $done
      (loop $blocks
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $block (v128.load (local.get $at)))
        (local.set $mask
          (i8x16.bitmask
            (v128.or
              (v128.or (i8x16.eq (local.get $block) (local.get $d)) (i8x16.eq (local.get $block) (local.get $lf)))
              (v128.or (i8x16.eq (local.get $block) (local.get $cr)) (i8x16.eq (local.get $block) (local.get $quote))))))
        ;; bytes past the end of the chunk are not part of it
        (if (i32.gt_u (i32.add (local.get $at) (i32.const 16)) (local.get $end))
          (then
            (local.set $mask
              (i32.and (local.get $mask)
                (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $end) (local.get $at))) (i32.const 1))))))
        (block $empty
          (loop $bits
            (br_if $empty (i32.eqz (local.get $mask)))
            (i32.store
              (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
              (i32.sub (i32.add (local.get $at) (i32.ctz (local.get $mask))) (local.get $in)))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (br $bits)))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $blocks)))
    (local.get $count))
)
