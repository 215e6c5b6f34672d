import{g as he,e as xe,r as m,j as e,N as ge,L as W}from"./react-Couqn75u.js";import{e as pe,u as l}from"./vendor-B8ltes7y.js";import{u as Ie,b as ve,L as je,E as I,h as D,P as fe,S as F,f as $,l as we,c as be,d as Te,g as c}from"./index-RCEZbQ8e.js";import{i as v,l as Q,G as T,B as Ae,a as h,h as S,T as N,A as _,o as x,r as A,d as r,n as o,j as Ee,e as ye,s as a,m as Ce}from"./mantine-DrgVlX4X.js";const De=c(`
  query OperatorUser($id: ID!) {
    user(id: $id) {
      id
      name
      email
      status
      isOperator
      lastSignInAt
      createdAt
      memberships {
        role
        status
        since
        account {
          id
          name
          userDirectory
          member(userId: $id) {
            viewerCan {
              activate
              deactivate
            }
          }
        }
      }
    }
    deactivationImpact(userId: $id) {
      kind
      account {
        id
        name
      }
      users {
        id
        name
      }
    }
  }
`),$e=c(`
  mutation DeactivateUser($userId: ID!, $confirm: Boolean!) {
    deactivateUser(userId: $userId, confirm: $confirm) {
      deactivated
      user {
        id
        status
      }
      activeIn {
        id
        name
      }
      warnings {
        kind
        account {
          id
          name
        }
        users {
          id
          name
        }
      }
    }
  }
`),Se=c(`
  mutation ActivateUser($userId: ID!) {
    activateUser(userId: $userId) {
      user {
        id
        status
      }
    }
  }
`),Ne=c(`
  mutation DeleteUser($userId: ID!) {
    deleteUser(userId: $userId) {
      deletedUserId
    }
  }
`),ke=c(`
  mutation SendWelcomeEmail($userId: ID!) {
    sendWelcomeEmail(userId: $userId) {
      ok
    }
  }
`),Ue=c(`
  mutation SendPasswordResetEmail($userId: ID!) {
    sendPasswordResetEmail(userId: $userId) {
      ok
    }
  }
`),Re=c(`
  mutation UpdateUser($userId: ID!, $name: String!) {
    updateUser(userId: $userId, name: $name) {
      user {
        id
        name
      }
    }
  }
`),Oe=c(`
  mutation SetMembershipStatuses($items: [MembershipRef!]!, $status: MembershipStatus!) {
    setMembershipStatuses(items: $items, status: $status) {
      results {
        accountId
        userId
        error {
          code
          message
        }
        membership {
          status
          role
          account {
            id
          }
        }
      }
    }
  }
`);function G(g){return g==="TECHNICAL"?"technical":"billing"}function Be(){const g=Ie(),{userId:H=""}=he(),Y=xe(),[{data:p,error:X,fetching:J},E]=pe({query:De,variables:{id:H},pause:!g.isOperator}),[i,k]=l($e),[U,K]=l(Se),[R,Z]=l(Ne),[O,ee]=l(ke),[V,se]=l(Ue),[z,te]=l(Re),[M,ae]=l(Oe),[re,P]=m.useState(null),[d,ie]=m.useState(null),[ne,j]=m.useState(!1),y=m.useRef(null),[f,B]=m.useState(null),[oe,q]=m.useState(null),[ce,de]=ve();if(!g.isOperator)return e.jsx(ge,{to:"/",replace:!0});if(!p&&J)return e.jsx(je,{});if(!p)return e.jsx(I,{error:X,title:"This user cannot be shown"});const t=p.user,w=t.id===g.id,L=!t.lastSignInAt,le=i.error&&!D(i.error,"CONFIRMATION_REQUIRED")?i.error:U.error??R.error??O.error??V.error??M.error,ue=async()=>{const s=await k({userId:t.id,confirm:!1});s.data?.deactivateUser.deactivated?(o.show({message:`${t.name} is deactivated platform-wide.`}),E({requestPolicy:"network-only"})):s.data?.deactivateUser&&D(s.error,"CONFIRMATION_REQUIRED")&&(ie(s.data.deactivateUser),j(!0))},me=async(s,n)=>{q(null),P(s);const b=await ae({items:[{accountId:s,userId:t.id}],status:n});P(null);const u=b.data?.setMembershipStatuses.results[0];u?.error?q(u.error):u&&E({requestPolicy:"network-only"})};return e.jsxs(v,{gap:"md",maw:900,children:[e.jsx(Q,{component:W,to:"/operator/users",size:"sm",children:"← User explorer"}),e.jsx(fe,{children:t.name||t.email}),e.jsxs(T,{gap:"xs",children:[e.jsx(F,{value:t.status}),t.isOperator&&e.jsx(Ae,{variant:"outline",children:"Operator"}),e.jsxs(h,{size:"sm",c:"dimmed",children:[t.email," · created ",$(t.createdAt)," · last sign-in ",t.lastSignInAt?$(t.lastSignInAt):"never"]})]}),e.jsx(I,{error:le,title:"The action failed"}),e.jsx(S,{withBorder:!0,p:"md",children:e.jsxs(v,{gap:"sm",children:[e.jsx(N,{order:3,size:"h4",children:"Status and access"}),t.status==="ACTIVE"&&p.deactivationImpact.length>0&&e.jsx(_,{color:"orange",title:"Deactivating this user silences these lists",children:e.jsx(x,{size:"sm",children:p.deactivationImpact.map(s=>e.jsxs(x.Item,{children:[s.account.name,": the only active ",G(s.kind)," contact"]},s.account.id+s.kind))})}),e.jsxs(T,{gap:"xs",wrap:"wrap",children:[t.status==="ACTIVE"?e.jsx(A,{label:"You cannot deactivate yourself.",disabled:!w,children:e.jsx("span",{children:e.jsx(r,{color:"orange",variant:"light",disabled:w,loading:i.fetching,onClick:ue,ref:y,children:"Deactivate user"})})}):e.jsx(r,{color:"green",variant:"light",ref:y,loading:U.fetching,onClick:async()=>{(await K({userId:t.id})).data&&o.show({color:"green",message:`${t.name} is active again. No email was sent.`})},children:"Activate user"}),e.jsx(A,{label:t.status==="INACTIVE"?"The user is deactivated: no email goes to them.":void 0,disabled:t.status==="ACTIVE",children:e.jsx("span",{children:L?e.jsx(r,{variant:"light",disabled:t.status==="INACTIVE",loading:O.fetching,onClick:async()=>{(await ee({userId:t.id})).data&&o.show({color:"green",message:`Welcome email with a set-password link queued for ${t.email}.`})},children:"Send welcome email"}):e.jsx(r,{variant:"light",disabled:t.status==="INACTIVE",loading:V.fetching,onClick:async()=>{(await se({userId:t.id})).data&&o.show({color:"green",message:`Password reset email queued for ${t.email}.`})},children:"Send password reset email"})})}),e.jsx(A,{label:t.status==="ACTIVE"?"Deactivate the user first: only an inactive user can be deleted.":void 0,disabled:t.status!=="ACTIVE",children:e.jsx("span",{children:e.jsx(r,{color:"red",variant:"light",disabled:t.status==="ACTIVE"||w,loading:R.fetching,onClick:async()=>{if(!await de({title:`Delete ${t.name} permanently?`,body:`${t.email} and every membership are deleted. This cannot be undone.`,confirm:"Delete permanently"}))return;(await Z({userId:t.id})).data&&(o.show({message:`${t.email} was deleted.`}),Y("/operator/users"))},children:"Delete user"})})})]}),e.jsx(h,{size:"xs",c:"dimmed",children:L?"Never signed in: a welcome email lets them set a password.":"Has signed in before: a password reset email lets them choose a new password."})]})}),e.jsx(S,{withBorder:!0,p:"md",children:e.jsx("form",{onSubmit:async s=>{s.preventDefault(),(await te({userId:t.id,name:f??t.name})).data&&(B(null),o.show({color:"green",message:"Name saved."}))},children:e.jsxs(v,{gap:"xs",children:[e.jsx(N,{order:3,size:"h4",children:"Name"}),e.jsx(I,{error:z.error}),e.jsxs(T,{align:"flex-end",children:[e.jsx(Ee,{label:"Name",value:f??t.name,onChange:s=>B(s.currentTarget.value),required:!0,w:{base:"100%",sm:320}}),e.jsx(r,{type:"submit",variant:"light",loading:z.fetching,disabled:f===null||f===t.name,children:"Rename"})]})]})})}),e.jsx(S,{withBorder:!0,p:"md",children:e.jsxs(v,{gap:"sm",children:[e.jsx(N,{order:3,size:"h4",children:"Memberships"}),e.jsx(I,{error:oe,title:"The membership was not changed"}),t.memberships.length===0?e.jsx(h,{size:"sm",c:"dimmed",children:"Not a member of any account."}):e.jsx(ye,{type:"auto",children:e.jsxs(a,{verticalSpacing:"xs",miw:560,"aria-label":"Memberships",children:[e.jsx(a.Thead,{children:e.jsxs(a.Tr,{children:[e.jsx(a.Th,{children:"Account"}),e.jsx(a.Th,{children:"Role"}),e.jsx(a.Th,{children:"Status"}),e.jsx(a.Th,{children:"Since"}),e.jsx(a.Th,{children:"Actions"})]})}),e.jsx(a.Tbody,{children:t.memberships.map(s=>{const n=s.status==="ACTIVE"?"INACTIVE":"ACTIVE",b=s.account.member?.viewerCan,u=!!(n==="INACTIVE"?b?.deactivate:b?.activate),C=u?void 0:s.role==="OWNER"?"The Owner is protected: transfer ownership first.":w?"You cannot do this to yourself.":s.account.userDirectory==="EXTERNAL"?"This account's users are managed in its external directory.":t.status==="INACTIVE"?"The user is deactivated platform-wide: activate them first.":"Not allowed for this membership.";return e.jsxs(a.Tr,{"aria-label":s.account.name,children:[e.jsx(a.Td,{children:e.jsx(Q,{component:W,to:`/accounts/${s.account.id}/users`,size:"sm",children:s.account.name})}),e.jsx(a.Td,{children:we(s.role)}),e.jsx(a.Td,{children:e.jsx(F,{value:s.status})}),e.jsx(a.Td,{children:e.jsx(h,{size:"sm",children:$(s.since)})}),e.jsx(a.Td,{children:e.jsx(A,{label:C,disabled:!C,children:e.jsx("span",{children:e.jsx(r,{size:"xs",variant:"subtle",disabled:!u,loading:M.fetching&&re===s.account.id,"aria-label":`${n==="INACTIVE"?"Deactivate":"Activate"} in ${s.account.name}`,"aria-description":C,onClick:()=>me(s.account.id,n),children:n==="INACTIVE"?"Deactivate here":"Activate here"})})})})]},s.account.id)})})]})})]})}),e.jsx(Ce,{opened:ne,onClose:()=>j(!1),title:`Deactivate ${t.name} everywhere?`,size:"lg",onExitTransitionEnd:()=>Te(y.current),children:d&&e.jsxs(v,{children:[d.warnings.length>0&&e.jsx(_,{color:"orange",title:"Notifications will lose their only active recipient",role:"alert",children:e.jsx(x,{size:"sm",children:d.warnings.map(s=>e.jsxs(x.Item,{children:[s.account.name,": the ",G(s.kind)," list will have no active recipient."]},s.account.id+s.kind))})}),d.activeIn.length>0&&e.jsxs("div",{children:[e.jsxs(h,{size:"sm",fw:500,children:["Active in ",d.activeIn.length," account",d.activeIn.length>1?"s":"",", which lose a working member:"]}),e.jsx(x,{size:"sm",children:d.activeIn.map(s=>e.jsx(x.Item,{children:s.name},s.id))})]}),e.jsxs(h,{size:"sm",children:[t.name," will not be able to sign in anywhere, every session ends and no email goes to them. Their statuses in the accounts are kept."]}),e.jsx(I,{error:i.error&&!D(i.error,"CONFIRMATION_REQUIRED")?i.error:null}),e.jsxs(T,{justify:"flex-end",children:[e.jsx(r,{variant:"default",onClick:()=>j(!1),children:"Cancel"}),e.jsx(r,{color:"orange",loading:i.fetching,"data-autofocus":!0,onClick:async()=>{const s=await k({userId:t.id,confirm:!0});s.data?.deactivateUser.deactivated?(j(!1),o.show({message:`${t.name} is deactivated platform-wide.`}),E({requestPolicy:"network-only"})):s.error&&o.show({color:"red",message:be(s.error)?.message??"Failed"})},children:"Deactivate"})]})]})}),ce]})}export{Be as OperatorUserPage};
