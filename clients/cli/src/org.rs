//! `codchain org`: organisations, members and the cod registry (Leither, SPEC §9.2, §9.3).

use clap::Subcommand;
use codchain_client::{orgs as og, parse_account, Error};
use serde_json::{json, Value};

use crate::{
	output::{addr, cod, table},
	Ctx,
};

#[derive(Subcommand, Clone)]
pub enum OrgCmd {
	/// Create an organisation; you are its admin. Joining holds --join-deposit COD.
	Create {
		name: String,
		#[arg(long, default_value = "")]
		info: String,
		#[arg(long, default_value = "1")]
		join_deposit: String,
	},
	/// As admin, set the name, information and join deposit.
	SetInfo {
		org: u32,
		name: String,
		#[arg(long, default_value = "")]
		info: String,
		#[arg(long, default_value = "1")]
		join_deposit: String,
	},
	/// Ask to join ORG as member or guest.
	Join {
		org: u32,
		#[arg(long, default_value = "member")]
		role: String,
	},
	/// Withdraw your join request.
	CancelJoin { org: u32 },
	/// As admin, approve WHO's request.
	Approve { org: u32, who: String },
	/// As admin, reject WHO's request.
	Reject { org: u32, who: String },
	/// As admin, give member WHO a role (admin, member, guest).
	SetRole { org: u32, who: String, role: String },
	/// Leave ORG.
	Leave { org: u32 },
	/// As admin, remove member WHO.
	Remove { org: u32, who: String },
	/// As its last admin, dissolve an organisation nobody else is in.
	Dissolve { org: u32 },
	/// As admin, name the joint-token automatic account that distributes rewards.
	SetRewards { org: u32, account: Option<String> },
	/// Make ORG a cod with a modeller and a deployer key (or, as modeller, change them).
	SetCodKeys {
		org: u32,
		#[arg(long, required_unless_present = "plain")]
		modeller: Option<String>,
		#[arg(long, required_unless_present = "plain")]
		deployer: Option<String>,
		/// Make it a plain organisation again.
		#[arg(long)]
		plain: bool,
	},
	/// Register a node under COD with its key and proof (`codchain-node node-id --cod COD
	/// --operator YOU --genesis HASH` prints both).
	RegisterNode { cod: u32, key: String, proof: String },
	/// Remove a node from COD.
	DeregisterNode { cod: u32, key: String },
	/// An organisation and its members.
	Show { org: u32 },
	/// The organisations an account (yours by default) is in.
	Mine { who: Option<String> },
	/// Join requests waiting in ORG.
	Requests { org: u32 },
	/// The nodes of a cod, with their ids.
	Nodes { cod: u32 },
	/// The id a node KEY has under COD.
	NodeId { cod: u32, key: String },
	/// The chain's genesis hash and the bytes a node key signs to register under COD for
	/// OPERATOR (you by default): what `codchain-node node-id --genesis` needs.
	NodePayload { cod: u32, operator: Option<String> },
}

fn bytes<const N: usize>(s: &str, what: &str) -> Result<[u8; N], Error> {
	let v = hex::decode(s.trim_start_matches("0x"))
		.map_err(|_| Error::Input(format!("the {what} is not hex")))?;
	v.try_into().map_err(|_| Error::Input(format!("the {what} is not {N} bytes")))
}

fn role_name(r: &og::Role) -> &'static str {
	match r {
		og::Role::Admin => "admin",
		og::Role::Member => "member",
		og::Role::Guest => "guest",
	}
}

pub async fn run(ctx: &mut Ctx, cmd: OrgCmd) -> Result<(), Error> {
	use codchain_client::amount::parse_cod;
	use OrgCmd as C;
	match cmd {
		C::Create { name, info, join_deposit } => drop(
			ctx.submit(og::create(name.as_bytes(), info.as_bytes(), parse_cod(&join_deposit)?))
				.await?,
		),
		C::SetInfo { org, name, info, join_deposit } => drop(
			ctx.submit(og::set_info(
				org,
				name.as_bytes(),
				info.as_bytes(),
				parse_cod(&join_deposit)?,
			))
			.await?,
		),
		C::Join { org, role } => drop(ctx.submit(og::request_join(org, og::role(&role)?)).await?),
		C::CancelJoin { org } => drop(ctx.submit(og::cancel_join(org)).await?),
		C::Approve { org, who } => {
			drop(ctx.submit(og::approve_join(org, &parse_account(&who)?)).await?)
		},
		C::Reject { org, who } => {
			drop(ctx.submit(og::reject_join(org, &parse_account(&who)?)).await?)
		},
		C::SetRole { org, who, role } => {
			drop(ctx.submit(og::set_role(org, &parse_account(&who)?, og::role(&role)?)).await?)
		},
		C::Leave { org } => drop(ctx.submit(og::leave(org)).await?),
		C::Remove { org, who } => {
			drop(ctx.submit(og::remove_member(org, &parse_account(&who)?)).await?)
		},
		C::Dissolve { org } => drop(ctx.submit(og::dissolve(org)).await?),
		C::SetRewards { org, account } => {
			let account = account.as_deref().map(parse_account).transpose()?;
			drop(ctx.submit(og::set_rewards(org, account)).await?)
		},
		C::SetCodKeys { org, modeller, deployer, plain } => {
			let keys = match (plain, modeller, deployer) {
				(true, _, _) => None,
				(false, Some(m), Some(d)) => Some((parse_account(&m)?, parse_account(&d)?)),
				_ => return Err(Error::Input("give --modeller and --deployer, or --plain".into())),
			};
			drop(ctx.submit(og::set_cod_keys(org, keys)).await?)
		},
		C::RegisterNode { cod, key, proof } => {
			let call = og::register_node(cod, bytes(&key, "node key")?, bytes(&proof, "proof")?);
			drop(ctx.submit(call).await?)
		},
		C::DeregisterNode { cod, key } => {
			drop(ctx.submit(og::deregister_node(cod, bytes(&key, "node key")?)).await?)
		},
		C::Show { org } => {
			let client = ctx.client().await?;
			let o = og::org(client, org)
				.await?
				.ok_or_else(|| Error::Input(format!("no organisation {org}")))?;
			let members = og::members(client, org).await?;
			let name = String::from_utf8_lossy(&o.name.0).into_owned();
			let info = String::from_utf8_lossy(&o.info.0).into_owned();
			let v = json!({
				"id": org, "name": name, "info": info, "account": addr(&o.account),
				"creator": addr(&o.creator), "created": o.created,
				"joinDeposit": o.join_deposit.to_string(), "admins": o.admins, "members": o.members,
				"requests": o.requests, "nodes": o.nodes,
				"cod": o.cod.as_ref().map(|k| json!({"modeller": addr(&k.modeller), "deployer": addr(&k.deployer)})),
				"rewards": o.rewards.as_ref().map(addr),
				"memberList": members.iter().map(|(a, m)| json!({"account": addr(a), "role": role_name(&m.role), "since": m.since})).collect::<Vec<_>>(),
			});
			ctx.out.show(v, || {
				let mut s = format!(
					"organisation {org}: {name}\n  info         {info}\n  account      {}\n  join deposit {}\n",
					addr(&o.account),
					cod(o.join_deposit)
				);
				if let Some(k) = &o.cod {
					s += &format!(
						"  cod          modeller {}, deployer {}, {} nodes\n",
						addr(&k.modeller),
						addr(&k.deployer),
						o.nodes
					);
				}
				let mut t = table(&["member", "role", "since"]);
				for (a, m) in &members {
					t.add_row(vec![addr(a), role_name(&m.role).into(), format!("#{}", m.since)]);
				}
				s + &t.to_string()
			});
		},
		C::Mine { who } => {
			let who = ctx.account_or_signer(who.as_deref())?;
			let list = og::orgs_of(ctx.client().await?, &who).await?;
			ctx.out.show(
				json!(list
					.iter()
					.map(|(o, r)| json!({"org": o, "role": role_name(r)}))
					.collect::<Vec<_>>()),
				|| {
					if list.is_empty() {
						return "in no organisation".into();
					}
					list.iter()
						.map(|(o, r)| format!("{o}: {}", role_name(r)))
						.collect::<Vec<_>>()
						.join("\n")
				},
			);
		},
		C::Requests { org } => {
			let list = og::requests(ctx.client().await?, org).await?;
			ctx.out.show(
				json!(list.iter().map(|(a, r)| json!({"who": addr(a), "role": role_name(&r.role), "at": r.at, "deposit": r.deposit.to_string()})).collect::<Vec<_>>()),
				|| {
					if list.is_empty() {
						return "no requests".into();
					}
					list.iter().map(|(a, r)| format!("{} as {}", addr(a), role_name(&r.role))).collect::<Vec<_>>().join("\n")
				},
			);
		},
		C::Nodes { cod } => {
			let list = og::nodes(ctx.client().await?, cod).await?;
			let as_json = |n: &og::CodNode| {
				json!({
					"key": format!("0x{}", hex::encode(n.key)), "id": format!("{:?}", n.id),
					"operator": addr(&n.operator), "at": n.at,
				})
			};
			ctx.out.show(json!(list.iter().map(as_json).collect::<Vec<_>>()), || {
				if list.is_empty() {
					return "no nodes".into();
				}
				let mut t = table(&["node id", "key", "operator"]);
				for n in &list {
					t.add_row(vec![
						format!("{:?}", n.id),
						format!("0x{}", hex::encode(n.key)),
						addr(&n.operator),
					]);
				}
				t.to_string()
			});
		},
		C::NodePayload { cod, operator } => {
			let operator = ctx.account_or_signer(operator.as_deref())?;
			let genesis = ctx.client().await?.genesis();
			let payload = og::node_payload(genesis, cod, &operator);
			let v = json!({
				"genesis": format!("{genesis:?}"), "cod": cod, "operator": addr(&operator),
				"payload": format!("0x{}", hex::encode(&payload)),
			});
			ctx.out.show(v, || format!("genesis {genesis:?}\npayload 0x{}", hex::encode(&payload)));
		},
		C::NodeId { cod, key } => {
			let id = og::node_id(cod, &bytes(&key, "node key")?);
			ctx.out.show(Value::String(format!("{id:?}")), || format!("{id:?}"));
		},
	}
	Ok(())
}
