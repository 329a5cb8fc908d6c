//! Events decoded against the metadata into JSON that reads like the chain's own words:
//! accounts as SS58 addresses, hashes and byte strings in hex, amounts that a JavaScript
//! number could not hold as strings.

use crate::{error::Error, keys::to_ss58, AccountId, Config};
use scale_info::{PortableRegistry, TypeDef};
use scale_value::{Composite, Primitive, Value, ValueDef};
use serde::Serialize;
use serde_json::{json, Map, Value as Json};

/// One event of a transaction.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRecord {
	pub pallet: String,
	pub name: String,
	/// The event's fields by name (or an array for unnamed fields).
	pub fields: Json,
}

impl EventRecord {
	pub(crate) fn decode(
		metadata: &subxt::Metadata,
		event: &subxt::events::Event<'_, Config>,
	) -> Result<Self, Error> {
		let pallet = metadata
			.pallet_by_name(event.pallet_name())
			.ok_or_else(|| Error::Client(format!("unknown pallet {}", event.pallet_name())))?;
		let variant = pallet
			.event_variant_by_index(event.event_index())
			.ok_or_else(|| Error::Client(format!("unknown event of {}", event.pallet_name())))?;
		let types = metadata.types();
		let mut input = event.field_bytes();
		let mut named = Map::new();
		let mut unnamed = Vec::new();
		for field in &variant.fields {
			let value = scale_value::scale::decode_as_type(&mut input, field.ty.id, types)
				.map_err(Error::client)?;
			let v = to_json(&value, types);
			match &field.name {
				Some(name) => {
					named.insert(camel(name), v);
				},
				None => unnamed.push(v),
			}
		}
		let fields = if unnamed.is_empty() { Json::Object(named) } else { Json::Array(unnamed) };
		Ok(Self { pallet: event.pallet_name().into(), name: event.event_name().into(), fields })
	}

	/// A field as a string, e.g. `record.field("id")`.
	pub fn field(&self, name: &str) -> Option<&Json> {
		self.fields.get(name)
	}
}

/// `pour_id` → `pourId`, as our JSON-RPC names fields.
pub fn camel(name: &str) -> String {
	let mut out = String::with_capacity(name.len());
	let mut upper = false;
	for c in name.chars() {
		if c == '_' {
			upper = true;
		} else if upper {
			out.extend(c.to_uppercase());
			upper = false;
		} else {
			out.push(c);
		}
	}
	out
}

fn type_name(types: &PortableRegistry, id: u32) -> Option<&str> {
	types.resolve(id)?.path.segments.last().map(String::as_str)
}

fn is_byte_array(types: &PortableRegistry, id: u32) -> bool {
	match types.resolve(id).map(|t| &t.type_def) {
		Some(TypeDef::Array(a)) => matches!(
			types.resolve(a.type_param.id).map(|t| &t.type_def),
			Some(TypeDef::Primitive(scale_info::TypeDefPrimitive::U8))
		),
		Some(TypeDef::Composite(c)) if c.fields.len() == 1 => {
			is_byte_array(types, c.fields[0].ty.id)
		},
		_ => false,
	}
}

fn bytes_of(values: &[&Value<u32>]) -> Option<Vec<u8>> {
	values
		.iter()
		.map(|v| match &v.value {
			ValueDef::Primitive(Primitive::U128(b)) => u8::try_from(*b).ok(),
			_ => None,
		})
		.collect()
}

fn flat_bytes(value: &Value<u32>) -> Option<Vec<u8>> {
	match &value.value {
		ValueDef::Composite(c) => {
			let vals: Vec<&Value<u32>> = c.values().collect();
			if let [single] = vals.as_slice() {
				if let Some(b) = flat_bytes(single) {
					return Some(b);
				}
			}
			bytes_of(&vals)
		},
		_ => None,
	}
}

/// A decoded value as JSON, guided by its type: `AccountId32` → SS58, fixed byte arrays and
/// byte vectors → hex, big integers → strings.
pub fn to_json(value: &Value<u32>, types: &PortableRegistry) -> Json {
	let id = value.context;
	if type_name(types, id) == Some("AccountId32") {
		if let Some(bytes) = flat_bytes(value).and_then(|b| <[u8; 32]>::try_from(b).ok()) {
			return json!(to_ss58(&AccountId::from(bytes)));
		}
	}
	if is_byte_array(types, id) {
		if let Some(bytes) = flat_bytes(value) {
			return json!(format!("0x{}", hex::encode(bytes)));
		}
	}
	match &value.value {
		ValueDef::Composite(c) => composite(c, types),
		ValueDef::Variant(v) => match &v.values {
			Composite::Unnamed(vals) if vals.is_empty() => json!(v.name),
			Composite::Named(vals) if vals.is_empty() => json!(v.name),
			fields => json!({ v.name.clone(): composite(fields, types) }),
		},
		ValueDef::Primitive(p) => primitive(p),
		ValueDef::BitSequence(b) => json!(format!("{b:?}")),
	}
}

fn composite(c: &Composite<u32>, types: &PortableRegistry) -> Json {
	match c {
		Composite::Named(fields) => {
			Json::Object(fields.iter().map(|(k, v)| (camel(k), to_json(v, types))).collect())
		},
		Composite::Unnamed(vals) => {
			// A vector of bytes (`Vec<u8>`, `BoundedVec<u8, _>`) reads best as hex.
			if !vals.is_empty() {
				if let Some(bytes) = bytes_of(&vals.iter().collect::<Vec<_>>()) {
					if vals.iter().all(|v| is_u8(types, v.context)) {
						return json!(format!("0x{}", hex::encode(bytes)));
					}
				}
			}
			match vals.as_slice() {
				[single] => to_json(single, types),
				_ => Json::Array(vals.iter().map(|v| to_json(v, types)).collect()),
			}
		},
	}
}

fn is_u8(types: &PortableRegistry, id: u32) -> bool {
	matches!(
		types.resolve(id).map(|t| &t.type_def),
		Some(TypeDef::Primitive(scale_info::TypeDefPrimitive::U8))
	)
}

/// Integers up to 2^53 stay numbers; larger ones (COD amounts in planck) become strings.
fn primitive(p: &Primitive) -> Json {
	const SAFE: u128 = 1 << 53;
	match p {
		Primitive::Bool(b) => json!(b),
		Primitive::Char(c) => json!(c.to_string()),
		Primitive::String(s) => json!(s),
		Primitive::U128(n) if *n <= SAFE => json!(*n as u64),
		Primitive::U128(n) => json!(n.to_string()),
		Primitive::I128(n) if n.unsigned_abs() <= SAFE => json!(*n as i64),
		Primitive::I128(n) => json!(n.to_string()),
		Primitive::U256(b) | Primitive::I256(b) => json!(format!("0x{}", hex::encode(b))),
	}
}
