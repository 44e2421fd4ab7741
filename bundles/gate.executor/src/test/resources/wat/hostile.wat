;; Hostile programs for HostileProgramsTest: endless loops of every shape, a memory bomb,
;; unbounded recursion (direct, indirect, with a large frame), a table bomb. Memory and the
;; second table have no maximum of their own: only the instance limit and the engine bound them.
(module
  (type $rec (func (param i64) (result i64)))
  (memory 1)
  (table 1 funcref)
  (elem (i32.const 0) $indirect)

  ;; Endless loops: every shape must reach a suspension check (back-edge or entry).
  (func (export "spin") (loop $l (br $l)))
  (func (export "spin_br_if") (loop $l (br_if $l (i32.const 1))))
  (func (export "spin_br_table") (param i32)
    (loop $l (block $b (br_table $l $b $l (local.get 0)))))
  (func (export "spin_if") (loop $l (if (i32.const 1) (then (br $l)))))
  (func (export "spin_nested")
    (loop $outer (block $b (loop $inner (br_if $outer (i32.const 1)) (br $inner)))))
  (func $nop)
  (func (export "spin_calls") (loop $l (call $nop) (br $l)))

  ;; Memory bomb: grow one page at a time, touching each new page (its first word = its
  ;; index), until memory.grow refuses; returns the final size in pages.
  (func $bomb (export "bomb") (result i32)
    (local $old i32)
    (block $done
      (loop $l
        (local.set $old (memory.grow (i32.const 1)))
        (br_if $done (i32.eq (local.get $old) (i32.const -1)))
        (i32.store (i32.shl (local.get $old) (i32.const 16)) (local.get $old))
        (br $l)))
    (memory.size))
  ;; The same, then a store just past the end: written to trap.
  (func (export "bomb_then_store") (result i32)
    (i32.store (i32.shl (call $bomb) (i32.const 16)) (i32.const 1))
    (i32.const 0))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))

  ;; Recursion: bounded (deep n), unbounded (forever), through the table, with a big frame.
  (func $deep (export "deep") (param i64) (result i64)
    (if (result i64) (i64.eqz (local.get 0))
      (then (i64.const 0))
      (else (i64.add (i64.const 1) (call $deep (i64.sub (local.get 0) (i64.const 1)))))))
  (func $forever (export "forever") (param i64) (result i64)
    (i64.add (local.get 0) (call $forever (i64.add (local.get 0) (i64.const 1)))))
  (func $indirect (export "indirect") (param i64) (result i64)
    (i64.add (local.get 0)
      (call_indirect (type $rec) (i64.add (local.get 0) (i64.const 1)) (i32.const 0))))
  (func $fat (export "fat") (param i64) (result i64)
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64
           i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 128 (local.get 0))
    (i64.add (local.get 128) (call $fat (i64.add (local.get 0) (i64.const 1)))))

  ;; Table bomb: grow a table without maximum one null element at a time until table.grow
  ;; refuses; returns the final size.
  (table $grown 0 funcref)
  (elem declare func $nop)
  (func (export "table_bomb") (result i32)
    (block $done
      (loop $l
        (br_if $done (i32.eq (table.grow $grown (ref.null func) (i32.const 1)) (i32.const -1)))
        (br $l)))
    (table.size $grown))
  ;; Stores a function in the last element and says whether it reads back as null (0 = stored).
  (func (export "table_set_last") (result i32)
    (table.set $grown (i32.sub (table.size $grown) (i32.const 1)) (ref.func $nop))
    (ref.is_null (table.get $grown (i32.sub (table.size $grown) (i32.const 1)))))
  (func (export "table_get") (param i32) (result i32) (ref.is_null (table.get $grown (local.get 0))))
)
