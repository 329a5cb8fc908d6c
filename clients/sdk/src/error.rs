//! Errors of the SDK, with the chain's own error names and documentation.

use crate::{amount::AmountError, keys::KeyError};
use scale_info::{form::PortableForm, PortableRegistry, TypeDef, Variant};
use serde::Serialize;
use std::fmt;

/// An error the runtime returned for a call: the pallet, the error's name (nested errors joined
/// by dots, e.g. `Ledger.UnknownOrSpentInput`) and its documentation from the metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChainError {
	/// Empty for errors of the runtime itself (`BadOrigin`, `Token.FundsUnavailable`, …).
	pub pallet: String,
	pub name: String,
	pub docs: String,
}

impl ChainError {
	/// `Timecoin.Ledger.UnknownOrSpentInput`.
	pub fn path(&self) -> String {
		if self.pallet.is_empty() {
			self.name.clone()
		} else {
			format!("{}.{}", self.pallet, self.name)
		}
	}
}

impl fmt::Display for ChainError {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		write!(f, "{}", self.path())?;
		if !self.docs.is_empty() {
			write!(f, ": {}", self.docs)?;
		}
		Ok(())
	}
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
	/// No node answered at the URL, or the connection broke.
	#[error("cannot reach a Codchain node at {url}: {reason}")]
	Unreachable { url: String, reason: String },
	/// The runtime rejected the call, in a dry run before submission or in the block.
	#[error("the chain rejected the call: {0}")]
	Rejected(ChainError),
	/// The transaction itself is not valid (fee, nonce, signature, era).
	#[error("the transaction is not valid: {0}")]
	Invalid(String),
	/// The node dropped the transaction from its pool.
	#[error("the transaction was dropped: {0}")]
	Dropped(String),
	#[error(transparent)]
	Key(#[from] KeyError),
	#[error(transparent)]
	Amount(#[from] AmountError),
	/// Input that the SDK refuses before asking the chain (an unknown coin, an empty list).
	#[error("{0}")]
	Input(String),
	/// A node's JSON-RPC method refused the request (the value store's errors, say).
	#[error("the node refused: {0}")]
	Rpc(String),
	/// Anything else the client library reported.
	#[error("{0}")]
	Client(String),
}

impl Error {
	/// A short machine-readable kind, for `--json` output and scripts.
	pub fn kind(&self) -> &'static str {
		match self {
			Self::Unreachable { .. } => "unreachable",
			Self::Rejected(_) => "rejected",
			Self::Invalid(_) => "invalid",
			Self::Dropped(_) => "dropped",
			Self::Key(_) => "key",
			Self::Amount(_) => "amount",
			Self::Input(_) => "input",
			Self::Rpc(_) => "rpc",
			Self::Client(_) => "client",
		}
	}

	pub(crate) fn client(e: impl fmt::Display) -> Self {
		Self::Client(e.to_string())
	}
}

fn docs_of(v: &Variant<PortableForm>) -> String {
	v.docs.iter().map(|d| d.trim()).collect::<Vec<_>>().join(" ")
}

/// Name a module error from its five bytes (pallet index, error index, three bytes of nested
/// error): a pallet error whose variant wraps another enum (timecoin's `Ledger(LedgerError)`)
/// is followed into that enum, so the name says which ledger rule failed.
pub fn module_error(metadata: &subxt::Metadata, bytes: [u8; 5]) -> ChainError {
	let unknown = || ChainError {
		pallet: format!("#{}", bytes[0]),
		name: format!("#{}", bytes[1]),
		docs: String::new(),
	};
	let Some(pallet) = metadata.pallet_by_error_index(bytes[0]) else { return unknown() };
	let Some(variant) = pallet.error_variant_by_index(bytes[1]) else { return unknown() };
	let mut name = variant.name.clone();
	let mut docs = docs_of(variant);
	if let [field] = variant.fields.as_slice() {
		if let Some(inner) = nested_variant(metadata.types(), field.ty.id, bytes[2]) {
			name = format!("{name}.{}", inner.name);
			// Nested types carry their docs only when the runtime was built with them.
			let inner_docs = docs_of(inner);
			if !inner_docs.is_empty() {
				docs = inner_docs;
			}
		}
	}
	ChainError { pallet: pallet.name().to_string(), name, docs }
}

fn nested_variant(types: &PortableRegistry, id: u32, index: u8) -> Option<&Variant<PortableForm>> {
	match &types.resolve(id)?.type_def {
		TypeDef::Variant(v) => v.variants.iter().find(|v| v.index == index),
		_ => None,
	}
}

/// A dispatch error as subxt decoded it, named.
pub fn dispatch_error(metadata: &subxt::Metadata, e: &subxt::error::DispatchError) -> ChainError {
	use subxt::error::DispatchError as D;
	match e {
		D::Module(m) => module_error(metadata, m.bytes()),
		other => {
			let debug = format!("{other:?}");
			// `Token(FundsUnavailable)` → `Token.FundsUnavailable`.
			let name = debug.replace('(', ".").replace(')', "");
			ChainError { pallet: String::new(), name, docs: other.to_string() }
		},
	}
}
