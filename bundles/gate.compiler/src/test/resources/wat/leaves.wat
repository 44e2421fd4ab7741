;; Leaf bodies (GuardShape): only pure instructions, so they run without a frame, their
;; parameters in their argument registers; and near misses, compiled with a frame.
;; LeafBodiesTest runs them against the interpreter, called directly, through a table and
;; through their exports.
(module
  (type $ii_i (func (param i32 i32) (result i32)))
  (table funcref (elem $add $rot $mix64 $bits))
  (func $add (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func $rot (export "rot") (param $a i32) (param $b i32) (result i32)
    (i32.xor (i32.rotr (local.get $a) (local.get $b))
             (i32.rotl (local.get $b) (i32.const 7))))
  ;; Declared locals written, i64 rotations, a parameter it never reads.
  (func $mix64 (export "mix64") (param $x i64) (param $unused i32) (param $k i64) (result i64)
    (local $t i64) (local $u i64)
    (local.set $t (i64.rotl (local.get $x) (local.get $k)))
    (local.tee $u (i64.rotr (local.get $t) (i64.const 13)))
    (i64.mul (local.get $t))
    (i64.add (local.get $u)))
  ;; Bit counts, sign extensions, select, eqz, comparisons.
  (func $bits (export "bits") (param $a i32) (param $b i32) (result i32)
    (select (i32.add (i32.clz (local.get $a)) (i32.popcnt (local.get $b)))
            (i32.extend8_s (i32.ctz (local.get $b)))
            (i32.lt_u (local.get $a) (local.get $b))))
  ;; Six parameters, all read, at the operand height limit: some homes cannot be argument
  ;; registers.
  (func $six (export "six") (param i32 i32 i32 i32 i32 i32) (result i32)
    (i32.sub
      (i32.add (i32.mul (local.get 0) (local.get 1))
               (i32.xor (local.get 2) (i32.shl (local.get 3) (local.get 4))))
      (local.get 5)))
  ;; The seventh integer parameter arrives in memory: read, it needs the frame.
  (func $seventh (export "seventh") (param i32 i32 i32 i32 i32 i32 i32) (result i32)
    (i32.sub (local.get 6) (local.get 0)))
  ;; Not read, it does not.
  (func $first_of_seven (export "first_of_seven") (param i32 i32 i32 i32 i32 i32 i32)
    (result i32)
    (i32.sub (local.get 0) (local.get 1)))
  ;; A float parameter passed through select; a float result.
  (func $fpick (export "fpick") (param $c i32) (param $x f64) (param $y f64) (result f64)
    (select (local.get $x) (local.get $y) (local.get $c)))
  ;; Two results; an empty body.
  (func $pair (export "pair") (param $a i64) (param $b i32) (result i32 i64)
    (i32.wrap_i64 (local.get $a)) (i64.extend_i32_u (local.get $b)))
  (func $nothing (export "nothing"))
  ;; Callers: the leaves' results in rax (not read from a slot), homes kept across calls.
  (func (export "direct") (param $n i32) (result i32) (local $s i32) (local $i i64)
    (loop $l
      (local.set $s (i32.add (call $add (local.get $s) (local.get $n))
                             (call $rot (local.get $n) (local.get $s))))
      (local.set $i (call $mix64 (local.get $i) (local.get $n) (i64.extend_i32_u (local.get $s))))
      (local.set $s (i32.xor (local.get $s)
        (call $bits (local.get $s) (i32.wrap_i64 (local.get $i)))))
      (local.set $s (i32.add (local.get $s)
        (call $six (local.get $s) (local.get $n) (i32.const 3) (local.get $s) (local.get $n)
                   (i32.const -9))))
      (local.set $s (i32.add (local.get $s)
        (call $seventh (local.get $s) (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4)
                       (i32.const 5) (local.get $n))))
      (call $nothing)
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.add (local.get $s) (i32.wrap_i64 (local.get $i))))
  (func (export "indirect") (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (call_indirect (type $ii_i) (local.get $s) (local.get $n)
        (i32.and (i32.add (local.get $n) (local.get $s)) (i32.const 1))))
      (local.set $s (i32.add (local.get $s)
        (call_indirect (type $ii_i) (local.get $n) (local.get $s) (i32.const 3))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
;; A local written in place (add home, 3) between two calls: the second call must store
  ;; it again (its slot is no longer current) and reload it after.
  (func (export "stores") (param $n i32) (result i32) (local $x i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $add (local.get $x) (i32.const 1))))
      (local.set $x (i32.add (local.get $x) (i32.const 3)))
      (local.set $s (i32.add (local.get $s) (call $add (local.get $x) (i32.const 2))))
      (local.set $s (i32.xor (local.get $s) (call $rot (local.get $s) (local.get $x))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (i32.add (local.get $s) (local.get $x)))
)
