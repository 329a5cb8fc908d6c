//! `codchain mimei`: content objects (Leither, SPEC §9.4).

use clap::Subcommand;
use codchain_client::{mimei as mm, parse_account, Error, H256};
use serde_json::{json, Value};

use crate::{output::addr, Ctx};

#[derive(Subcommand, Clone)]
pub enum MiMeiCmd {
	/// Create your object (APP_TYPE, EXT, MARK); prints its id.
	Create {
		app_type: String,
		ext: String,
		mark: String,
		/// Who reads: owner, public or org:<id>.
		#[arg(long, default_value = "public")]
		read: String,
		/// Who writes (adds versions, moves cur and last): owner, public or org:<id>.
		#[arg(long, default_value = "owner")]
		write: String,
		/// A release needs a live upkeep contract of yours.
		#[arg(long)]
		require_upkeep: bool,
	},
	/// The id of AUTHOR's object (APP_TYPE, EXT, MARK).
	Id { author: String, app_type: String, ext: String, mark: String },
	/// Add a version of ID: the content of FILE (its digest and size), or --digest and --size.
	AddVersion {
		id: String,
		file: Option<std::path::PathBuf>,
		#[arg(long, conflicts_with = "file", requires = "size")]
		digest: Option<String>,
		#[arg(long)]
		size: Option<u64>,
	},
	/// Move `cur` or `last` of ID to VERSION.
	Point { id: String, pointer: String, version: u32 },
	/// As owner, release VERSION of ID (with --contract when the object requires upkeep), or
	/// withdraw the release with --none.
	Release {
		id: String,
		version: Option<u32>,
		#[arg(long)]
		contract: Option<u64>,
		#[arg(long, conflicts_with = "version")]
		none: bool,
	},
	/// As owner, set who reads and writes.
	Access {
		id: String,
		#[arg(long)]
		read: String,
		#[arg(long)]
		write: String,
		#[arg(long)]
		require_upkeep: bool,
	},
	/// Refer from FROM to TO.
	Ref { from: String, to: String },
	/// Remove the reference from FROM to TO.
	Unref { from: String, to: String },
	/// Remove VERSION of ID (no pointer may name it).
	RemoveVersion { id: String, version: u32 },
	/// As owner, remove an object without references.
	Remove { id: String },
	/// An object: pointers, counts, access.
	Show {
		id: String,
		/// At this block (number or hash) instead of the best one.
		#[arg(long)]
		at: Option<String>,
	},
	/// The version a number or pointer (cur, last, release) names, at the best block or --at.
	Resolve {
		id: String,
		selector: String,
		#[arg(long)]
		at: Option<String>,
	},
	/// Every version of an object.
	Versions {
		id: String,
		#[arg(long)]
		at: Option<String>,
	},
	/// Objects an object refers to, and that refer to it.
	Refs { id: String },
}

fn id(s: &str) -> Result<H256, Error> {
	s.parse().map_err(|_| Error::Input(format!("{s:?} is not an object id (0x and 64 hex digits)")))
}

/// A block hash, from a hash or a number.
async fn at(ctx: &mut Ctx, at: Option<String>) -> Result<Option<H256>, Error> {
	let Some(a) = at else { return Ok(None) };
	if let Ok(n) = a.parse::<u32>() {
		let hash = ctx
			.client()
			.await?
			.rpc()
			.chain_get_block_hash(Some(n.into()))
			.await
			.map_err(|e| Error::Client(e.to_string()))?
			.ok_or_else(|| Error::Input(format!("no block #{n}")))?;
		return Ok(Some(hash));
	}
	Ok(Some(id(&a)?))
}

fn version_json(n: u32, v: &mm::MiMeiVersion) -> Value {
	json!({"version": n, "digest": format!("{:?}", v.digest), "size": v.size, "by": addr(&v.by), "at": v.at})
}

fn access_name(a: &mm::Access<u32>) -> String {
	match a {
		mm::Access::Owner => "owner".into(),
		mm::Access::Public => "public".into(),
		mm::Access::Org(o) => format!("org:{o}"),
	}
}

pub async fn run(ctx: &mut Ctx, cmd: MiMeiCmd) -> Result<(), Error> {
	use MiMeiCmd as C;
	match cmd {
		C::Create { app_type, ext, mark, read, write, require_upkeep } => {
			// The receipt's `Created` event names the object's id.
			let call = mm::create(
				app_type.as_bytes(),
				ext.as_bytes(),
				mark.as_bytes(),
				mm::access(&read)?,
				mm::access(&write)?,
				require_upkeep,
			);
			drop(ctx.submit(call).await?)
		},
		C::Id { author, app_type, ext, mark } => {
			let oid = mm::object_id(
				&parse_account(&author)?,
				app_type.as_bytes(),
				ext.as_bytes(),
				mark.as_bytes(),
			);
			ctx.out.show(Value::String(format!("{oid:?}")), || format!("{oid:?}"));
		},
		C::AddVersion { id: oid, file, digest, size } => {
			let (digest, size) = match (file, digest, size) {
				(Some(f), _, _) => {
					let bytes = std::fs::read(&f)
						.map_err(|e| Error::Input(format!("cannot read {}: {e}", f.display())))?;
					(mm::digest(&bytes), bytes.len() as u64)
				},
				(None, Some(d), Some(s)) => (id(&d)?, s),
				_ => return Err(Error::Input("give a FILE, or --digest and --size".into())),
			};
			drop(ctx.submit(mm::add_version(id(&oid)?, digest, size)).await?)
		},
		C::Point { id: oid, pointer, version } => {
			let pointer = match pointer.as_str() {
				"cur" => mm::Pointer::Cur,
				"last" => mm::Pointer::Last,
				"release" => mm::Pointer::Release,
				p => {
					return Err(Error::Input(format!(
						"{p:?}: cur or last (release: `mimei release`)"
					)))
				},
			};
			drop(ctx.submit(mm::set_pointer(id(&oid)?, pointer, version)).await?)
		},
		C::Release { id: oid, version, contract, none } => {
			let version = if none {
				None
			} else {
				Some(version.ok_or_else(|| Error::Input("give a VERSION, or --none".into()))?)
			};
			drop(ctx.submit(mm::release(id(&oid)?, version, contract)).await?)
		},
		C::Access { id: oid, read, write, require_upkeep } => drop(
			ctx.submit(mm::set_access(
				id(&oid)?,
				mm::access(&read)?,
				mm::access(&write)?,
				require_upkeep,
			))
			.await?,
		),
		C::Ref { from, to } => drop(ctx.submit(mm::add_ref(id(&from)?, id(&to)?)).await?),
		C::Unref { from, to } => drop(ctx.submit(mm::remove_ref(id(&from)?, id(&to)?)).await?),
		C::RemoveVersion { id: oid, version } => {
			drop(ctx.submit(mm::remove_version(id(&oid)?, version)).await?)
		},
		C::Remove { id: oid } => drop(ctx.submit(mm::remove_object(id(&oid)?)).await?),
		C::Show { id: oid, at: block } => {
			let block = at(ctx, block).await?;
			let (o, live) = mm::object(ctx.client().await?, id(&oid)?, block)
				.await?
				.ok_or_else(|| Error::Input("no such object".into()))?;
			let v = json!({
				"id": oid, "author": addr(&o.author),
				"appType": String::from_utf8_lossy(&o.app_type.0), "ext": String::from_utf8_lossy(&o.ext.0),
				"mark": String::from_utf8_lossy(&o.mark.0),
				"read": access_name(&o.read), "write": access_name(&o.write), "requireUpkeep": o.require_upkeep,
				"versions": o.live_versions, "nextVersion": o.next_version,
				"cur": o.cur, "last": o.last, "release": o.release.as_ref().map(|(v, _)| *v),
				"releaseContract": o.release.as_ref().and_then(|(_, c)| *c), "releaseKept": live,
				"refsIn": o.refs_in, "refsOut": o.refs_out,
			});
			let text = serde_json::to_string_pretty(&v).unwrap_or_default();
			ctx.out.show(v, || text);
		},
		C::Resolve { id: oid, selector, at: block } => {
			let block = at(ctx, block).await?;
			let r = mm::resolve(ctx.client().await?, id(&oid)?, mm::selector(&selector)?, block)
				.await?;
			match r {
				None => ctx.out.show(Value::Null, || "no such version".into()),
				Some((n, v)) => {
					let text = format!(
						"version {n}: digest {:?}, {} bytes, by {}",
						v.digest,
						v.size,
						addr(&v.by)
					);
					ctx.out.show(version_json(n, &v), || text)
				},
			}
		},
		C::Versions { id: oid, at: block } => {
			let block = at(ctx, block).await?;
			let list = mm::versions(ctx.client().await?, id(&oid)?, block).await?;
			let text = list
				.iter()
				.map(|(n, v)| format!("{n}: {:?} ({} bytes)", v.digest, v.size))
				.collect::<Vec<_>>()
				.join("\n");
			ctx.out.show(
				json!(list.iter().map(|(n, v)| version_json(*n, v)).collect::<Vec<_>>()),
				|| text,
			);
		},
		C::Refs { id: oid } => {
			let client = ctx.client().await?;
			let (from, to) =
				(mm::refs_from(client, id(&oid)?).await?, mm::refs_to(client, id(&oid)?).await?);
			let fmt = |l: &[H256]| l.iter().map(|h| format!("{h:?}")).collect::<Vec<_>>();
			let v = json!({"refersTo": fmt(&from), "referredBy": fmt(&to)});
			let text =
				format!("refers to {}\nreferred by {}", fmt(&from).join(", "), fmt(&to).join(", "));
			ctx.out.show(v, || text);
		},
	}
	Ok(())
}
