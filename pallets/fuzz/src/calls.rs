//! Calls generated from a pallet's own type information, for pallets whose fuzz test does not
//! write a generator per call: every call and argument shape the pallet declares comes up,
//! filled from pools where bugs and valid states meet (the test's accounts, ids that exist,
//! amounts at the edges).

use codec::{Compact, Encode};
use scale_info::{form::PortableForm, PortableRegistry, Type, TypeDef, TypeDefPrimitive, TypeInfo};

use crate::Rng;

/// What the generator draws arguments from.
pub struct Pools {
	/// Accounts of the mock, SCALE-encoded (see [`Pools::accounts`]).
	pub accounts: Vec<Vec<u8>>,
	/// The current block number: block-number arguments fall around it.
	pub now: u64,
	/// 32-byte values that exist in storage (record ids, hashes); see [`harvest_ids`].
	pub ids: Vec<[u8; 32]>,
	/// Small integers that name things (ids counted from 0), tried before others.
	pub small: u64,
}

impl Pools {
	/// Encodes a mock's accounts for [`Pools::accounts`].
	pub fn accounts<A: Encode>(list: &[A]) -> Vec<Vec<u8>> {
		list.iter().map(Encode::encode).collect()
	}
}

/// Generates encoded calls of one pallet: `C` is its `Call<T>`.
pub struct CallGen {
	registry: PortableRegistry,
}

impl CallGen {
	pub fn new<C: TypeInfo + 'static>() -> Self {
		let mut registry = scale_info::Registry::new();
		// The first type registered gets id 0.
		registry.register_type(&scale_info::meta_type::<C>());
		CallGen { registry: registry.into() }
	}

	/// The calls' names, in declaration order.
	pub fn names(&self) -> Vec<String> {
		match &self.ty(0).type_def {
			TypeDef::Variant(v) => v.variants.iter().map(|v| v.name.clone()).collect(),
			_ => panic!("a pallet's Call is an enum"),
		}
	}

	/// A random call: its name and its encoding, which decodes as `C` unless a bound refused
	/// it (a sequence longer than the pallet takes).
	pub fn call(&self, rng: &mut Rng, pools: &Pools) -> (String, Vec<u8>) {
		let TypeDef::Variant(v) = &self.ty(0).type_def else { unreachable!("checked in names") };
		let variant = rng.pick(&v.variants);
		let mut out = vec![variant.index];
		for field in &variant.fields {
			let hint = hint_of(field.name.as_deref(), field.type_name.as_deref());
			self.value(field.ty.id, hint, rng, pools, &mut out, 0);
		}
		(variant.name.clone(), out)
	}

	fn ty(&self, id: u32) -> &Type<PortableForm> {
		self.registry.resolve(id).expect("ids come from the registry")
	}

	fn value(
		&self,
		id: u32,
		hint: Hint,
		rng: &mut Rng,
		pools: &Pools,
		out: &mut Vec<u8>,
		depth: u32,
	) {
		let ty = self.ty(id);
		let path = ty.path.segments.last().map(String::as_str).unwrap_or("");
		// An account-typed value (an id, not an `Option` or a list of them) comes from the
		// test's accounts, whatever the mock's account type is.
		let width = match &ty.type_def {
			TypeDef::Primitive(TypeDefPrimitive::U64) => Some(8),
			TypeDef::Primitive(TypeDefPrimitive::U32) => Some(4),
			TypeDef::Composite(_) if path == "AccountId32" => Some(32),
			_ => None,
		};
		if let (Hint::Account, Some(width)) = (hint, width) {
			let fits: Vec<&Vec<u8>> = pools.accounts.iter().filter(|a| a.len() == width).collect();
			if !fits.is_empty() && rng.chance(95) {
				return out.extend(rng.pick(&fits).iter());
			}
		}
		match &ty.type_def {
			TypeDef::Composite(c) => {
				if matches!(path, "H256" | "AccountId32") && rng.chance(85) {
					return out.extend(id32(rng, pools));
				}
				for f in &c.fields {
					let inner = match hint {
						Hint::None => hint_of(f.name.as_deref(), f.type_name.as_deref()),
						h => h,
					};
					self.value(f.ty.id, inner, rng, pools, out, depth + 1);
				}
			},
			TypeDef::Variant(v) => {
				if v.variants.is_empty() {
					return;
				}
				// Past a few levels, prefer variants without fields so recursion ends; an
				// optional argument is mostly left out, as most callers do.
				let none = v.variants.iter().find(|v| v.fields.is_empty());
				let pick = match none {
					Some(none) if depth > 6 || (path == "Option" && rng.chance(70)) => none,
					_ => rng.pick(&v.variants),
				};
				out.push(pick.index);
				for f in &pick.fields {
					let inner = hint_of(f.name.as_deref(), f.type_name.as_deref()).or(hint);
					self.value(f.ty.id, inner, rng, pools, out, depth + 1);
				}
			},
			TypeDef::Sequence(s) => {
				let is_bytes = matches!(
					self.ty(s.type_param.id).type_def,
					TypeDef::Primitive(TypeDefPrimitive::U8)
				);
				let len = match rng.below(20) {
					0 if depth < 4 => rng.range(17, 70),
					1..=4 => 0,
					_ => rng.range(1, if is_bytes { 12 } else { 3 }),
				};
				Compact(len as u32).encode_to(out);
				if is_bytes && rng.chance(70) {
					out.extend((0..len).map(|_| b'a' + rng.below(26) as u8));
					return;
				}
				for _ in 0..len {
					self.value(s.type_param.id, hint, rng, pools, out, depth + 1);
				}
			},
			TypeDef::Array(a) => {
				let is_bytes = matches!(
					self.ty(a.type_param.id).type_def,
					TypeDef::Primitive(TypeDefPrimitive::U8)
				);
				if is_bytes && a.len == 32 && rng.chance(85) {
					return out.extend(id32(rng, pools));
				}
				if is_bytes && a.len <= 16 && rng.chance(80) {
					// A symbol (a unit, a ticker): upper-case letters, then zero padding.
					let len = rng.range(1, u64::from(a.len)) as usize;
					out.extend((0..a.len as usize).map(|i| {
						if i < len {
							b'A' + rng.below(3) as u8
						} else {
							0
						}
					}));
					return;
				}
				for _ in 0..a.len {
					self.value(a.type_param.id, hint, rng, pools, out, depth + 1);
				}
			},
			TypeDef::Tuple(t) => {
				for f in &t.fields {
					self.value(f.id, hint, rng, pools, out, depth + 1);
				}
			},
			TypeDef::Primitive(p) => primitive(p, hint, rng, pools, out),
			TypeDef::Compact(c) => {
				let inner = self.ty(c.type_param.id);
				let bits = match &inner.type_def {
					TypeDef::Primitive(TypeDefPrimitive::U8) => 8,
					TypeDef::Primitive(TypeDefPrimitive::U16) => 16,
					TypeDef::Primitive(TypeDefPrimitive::U32) => 32,
					TypeDef::Primitive(TypeDefPrimitive::U64) => 64,
					_ => 128,
				};
				let v = int(hint, bits, rng, pools);
				Compact(v).encode_to(out);
			},
			TypeDef::BitSequence(_) => Compact(0u32).encode_to(out),
		}
	}
}

/// What an argument's name or type name says it is.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Hint {
	None,
	Account,
	Block,
	Amount,
	Id,
}

impl Hint {
	fn or(self, other: Hint) -> Hint {
		if self == Hint::None {
			other
		} else {
			self
		}
	}
}

fn hint_of(name: Option<&str>, type_name: Option<&str>) -> Hint {
	let t = type_name.unwrap_or("");
	let n = name.unwrap_or("");
	if t.contains("AccountId") || t.contains("Lookup") {
		Hint::Account
	} else if t.contains("BlockNumber") || n.contains("expiry") || n.contains("deadline") {
		Hint::Block
	} else if t.contains("Balance") || t.contains("Amount") || t.contains("Units") {
		Hint::Amount
	} else if t.ends_with("Id") || n.ends_with("id") || n == "id" {
		Hint::Id
	} else {
		Hint::None
	}
}

fn id32(rng: &mut Rng, pools: &Pools) -> [u8; 32] {
	if !pools.ids.is_empty() && rng.chance(80) {
		return *rng.pick(&pools.ids);
	}
	let mut b = [0u8; 32];
	b[0] = rng.below(4) as u8;
	b
}

fn int(hint: Hint, bits: u32, rng: &mut Rng, pools: &Pools) -> u128 {
	let max = if bits == 128 { u128::MAX } else { (1u128 << bits) - 1 };
	let v: u128 = match hint {
		Hint::Block if rng.chance(90) => {
			u128::from(pools.now.saturating_sub(2).saturating_add(rng.below(40)))
		},
		Hint::Id if rng.chance(85) => u128::from(rng.below(pools.small + 1)),
		_ => match rng.below(10) {
			0 => 0,
			1 => max,
			2 => max - u128::from(rng.below(3)),
			3..=5 => u128::from(rng.below(pools.small + 1)),
			_ => u128::from(rng.amount(1_000)),
		},
	};
	v.min(max)
}

fn primitive(p: &TypeDefPrimitive, hint: Hint, rng: &mut Rng, pools: &Pools, out: &mut Vec<u8>) {
	match p {
		TypeDefPrimitive::Bool => rng.chance(50).encode_to(out),
		TypeDefPrimitive::U8 => (int(hint, 8, rng, pools) as u8).encode_to(out),
		TypeDefPrimitive::U16 => (int(hint, 16, rng, pools) as u16).encode_to(out),
		TypeDefPrimitive::U32 => (int(hint, 32, rng, pools) as u32).encode_to(out),
		TypeDefPrimitive::U64 => (int(hint, 64, rng, pools) as u64).encode_to(out),
		TypeDefPrimitive::U128 => int(hint, 128, rng, pools).encode_to(out),
		TypeDefPrimitive::I8 => (rng.next_u64() as i8).encode_to(out),
		TypeDefPrimitive::I16 => (rng.next_u64() as i16).encode_to(out),
		TypeDefPrimitive::I32 => (rng.next_u64() as i32).encode_to(out),
		TypeDefPrimitive::I64 => (rng.next_u64() as i64).encode_to(out),
		TypeDefPrimitive::I128 => (rng.next_u64() as i128).encode_to(out),
		TypeDefPrimitive::Str => "fuzz".encode_to(out),
		TypeDefPrimitive::Char => ('a' as u32).encode_to(out),
		TypeDefPrimitive::U256 | TypeDefPrimitive::I256 => out.extend([0u8; 32]),
	}
}

/// 32-byte values that name something in storage now: the tail of every storage key at least
/// 64 bytes long (a map keyed by a hash or an id with a concatenating hasher ends in it), so
/// that generated calls hit records that exist. At most `max`, newest first in key order.
pub fn harvest_ids(max: usize) -> Vec<[u8; 32]> {
	let mut ids = Vec::new();
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		if next.len() >= 64 {
			let mut id = [0u8; 32];
			id.copy_from_slice(&next[next.len() - 32..]);
			if !ids.contains(&id) {
				ids.push(id);
				if ids.len() >= max {
					break;
				}
			}
		}
		key = next;
	}
	ids
}
