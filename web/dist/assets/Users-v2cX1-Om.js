import{r as v,j as e,f as le,N as re,L as ie}from"./react-Couqn75u.js";import{u as Y,e as J}from"./vendor-B8ltes7y.js";import{E as W,l as se,h as ce,g as A,u as oe,P as de,r as ue,L as he,a as me,S as ge,f as xe}from"./index-RCEZbQ8e.js";import{G as S,a as u,m as _,i as B,A as K,o as x,d as f,s as n,r as te,f as X,j as pe,S as V,e as je,t as Z,l as fe}from"./mantine-DrgVlX4X.js";A(`
  fragment UserResults on UserResult {
    userId
    done
    user {
      id
      name
      email
      status
    }
    activeIn {
      id
      name
    }
    error {
      code
      message
    }
  }
`);const ve=A(`
  mutation DeactivateUsers($userIds: [ID!]!, $confirm: Boolean!) {
    deactivateUsers(userIds: $userIds, confirm: $confirm) {
      results {
        ...UserResults
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
          email
        }
      }
    }
  }
`),be=A(`
  mutation ActivateUsers($userIds: [ID!]!) {
    activateUsers(userIds: $userIds) {
      results {
        ...UserResults
      }
    }
  }
`),Ie=A(`
  mutation DeleteUsers($userIds: [ID!]!) {
    deleteUsers(userIds: $userIds) {
      results {
        ...UserResults
      }
    }
  }
`),q={deactivate:{verb:"Deactivate",done:"Deactivated",color:"orange"},activate:{verb:"Activate",done:"Activated",color:"green"},delete:{verb:"Delete",done:"Deleted",color:"red"}};function ee(c){return c==="TECHNICAL"?"technical":"billing"}function we(c,b){return b.filter(I=>c==="deactivate"?I.status==="ACTIVE":I.status==="INACTIVE")}function Te({selected:c,onDone:b}){const[I,N]=Y(ve),[R,F]=Y(be),[z,E]=Y(Ie),[w,p]=v.useState(null),[r,T]=v.useState(null),[o,g]=v.useState(null),[h,$]=v.useState(null),O=I.fetching||R.fetching||z.fetching,P=s=>new Map(s.map(a=>[a.id,a.name||a.email])),j=(s,a,l,m=[])=>{T(null),g(null),$({action:s,names:P(a),results:l,warnings:m}),b()},C=async(s,a)=>{p(null);const l=await N({userIds:s.map(Q=>Q.id),confirm:a}),m=l.data?.deactivateUsers;if(m&&ce(l.error,"CONFIRMATION_REQUIRED")&&!a){T({users:s,results:m.results,warnings:m.warnings});return}if(!m||l.error){T(null),p(l.error??null);return}j("deactivate",s,m.results,m.warnings)},D=async s=>{p(null);const a=await F({userIds:s.map(l=>l.id)});if(!a.data)return p(a.error??null);j("activate",s,a.data.activateUsers.results)},U=async s=>{p(null);const a=await E({userIds:s.map(l=>l.id)});if(!a.data)return g(null),p(a.error??null);j("delete",s,a.data.deleteUsers.results)},k=s=>{const a=we(s,c),l=c.length===0?"Select users first.":a.length===0?s==="deactivate"?"None of the selected users is active.":s==="activate"?"None of the selected users is inactive.":"Only inactive users can be deleted: deactivate them first.":void 0;return e.jsx(te,{label:l,disabled:!l,children:e.jsx("span",{children:e.jsxs(f,{size:"xs",variant:"light",color:q[s].color,disabled:!!l||O,loading:O&&(s==="deactivate"&&I.fetching||s==="activate"&&R.fetching),onClick:()=>{s==="deactivate"?C(a,!1):s==="activate"?D(a):g(a)},children:[q[s].verb,a.length>0?` (${a.length})`:""]})})},s)},L=r?r.results.filter(s=>s.error&&s.error.code!=="CONFIRMATION_REQUIRED"):[],M=r?r.results.filter(s=>s.activeIn.length>0):[],y=r?P(r.users):new Map;return e.jsxs(e.Fragment,{children:[e.jsxs(S,{gap:"xs",wrap:"wrap",role:"toolbar","aria-label":"Bulk actions",children:[e.jsxs(u,{size:"sm","aria-live":"polite",children:[c.length," selected"]}),k("deactivate"),k("activate"),k("delete")]}),e.jsx(W,{error:w,title:"The action failed"}),e.jsx(_,{opened:!!r,onClose:()=>T(null),title:r?`Deactivate ${r.users.length===1?r.users[0]?.name:`${r.users.length} users`} everywhere?`:"",size:"lg",children:r&&e.jsxs(B,{children:[r.warnings.length>0&&e.jsx(K,{color:"orange",title:"Notifications will lose their only active recipient",role:"alert",children:e.jsx(x,{size:"sm",children:r.warnings.map(s=>e.jsxs(x.Item,{children:[s.account.name,": the ",ee(s.kind)," list will have no active recipient (now ",s.users.map(a=>a.name||a.email).join(", "),")."]},s.account.id+s.kind))})}),M.length>0&&e.jsxs("div",{children:[e.jsx(u,{size:"sm",fw:500,children:"Active in accounts, which lose a working member:"}),e.jsx(x,{size:"sm","aria-label":"Active in",children:M.map(s=>e.jsxs(x.Item,{children:[y.get(s.userId)??s.userId,": ",s.activeIn.map(a=>a.name).join(", ")]},s.userId))})]}),L.length>0&&e.jsxs("div",{children:[e.jsx(u,{size:"sm",fw:500,children:"Refused:"}),e.jsx(x,{size:"sm",children:L.map(s=>e.jsxs(x.Item,{children:[y.get(s.userId)??s.userId,": ",s.error?.message]},s.userId))})]}),e.jsx(u,{size:"sm",children:"They will not be able to sign in anywhere, every session ends and no email goes to them. Their statuses in the accounts are kept."}),e.jsxs(S,{justify:"flex-end",children:[e.jsx(f,{variant:"default",onClick:()=>T(null),children:"Cancel"}),e.jsx(f,{color:"orange",loading:I.fetching,"data-autofocus":!0,onClick:()=>C(r.users,!0),children:r.users.length>1?`Deactivate ${r.users.length} users`:"Deactivate"})]})]})}),e.jsx(_,{opened:!!o,onClose:()=>g(null),title:o?`Delete ${o.length===1?o[0]?.name:`${o.length} users`} permanently?`:"",size:"lg",children:o&&e.jsxs(B,{children:[e.jsx(u,{size:"sm",children:"These users and every membership they have are deleted. This cannot be undone."}),e.jsx(x,{size:"sm",children:o.map(s=>e.jsxs(x.Item,{children:[s.name," (",s.email,")"]},s.id))}),e.jsxs(S,{justify:"flex-end",children:[e.jsx(f,{variant:"default",onClick:()=>g(null),children:"Cancel"}),e.jsx(f,{color:"red",loading:z.fetching,"data-autofocus":!0,onClick:()=>U(o),children:o.length>1?`Delete ${o.length} users`:"Delete permanently"})]})]})}),e.jsx(_,{opened:!!h,onClose:()=>$(null),title:h?`${q[h.action].verb}: ${h.results.filter(s=>s.done).length} done, ${h.results.filter(s=>s.error).length} refused`:"",size:"lg",children:h&&e.jsxs(B,{children:[h.warnings.length>0&&e.jsx(K,{color:"orange",title:"Lists without an active recipient",role:"alert",children:e.jsx(x,{size:"sm",children:h.warnings.map(s=>e.jsxs(x.Item,{children:["The ",ee(s.kind)," list of ",s.account.name," has no active recipient now."]},s.account.id+s.kind))})}),e.jsxs(n,{"aria-label":"Results",children:[e.jsx(n.Thead,{children:e.jsxs(n.Tr,{children:[e.jsx(n.Th,{children:"User"}),e.jsx(n.Th,{children:"Result"})]})}),e.jsx(n.Tbody,{children:h.results.map((s,a)=>e.jsxs(n.Tr,{children:[e.jsx(n.Td,{children:h.names.get(s.userId)??s.userId}),e.jsx(n.Td,{children:s.error?e.jsxs(u,{size:"sm",c:"red",children:[s.error.message," ",e.jsxs(u,{span:!0,size:"xs",c:"dimmed",children:["(",s.error.code,")"]})]}):s.done?e.jsxs(u,{size:"sm",c:"green.8",children:[q[h.action].done,s.user?`: now ${se(s.user.status)}`:""]}):e.jsx(u,{size:"sm",c:"dimmed",children:"Nothing to do"})})]},`${s.userId}-${a}`))})]}),e.jsx(S,{justify:"flex-end",children:e.jsx(f,{onClick:()=>$(null),"data-autofocus":!0,children:"Close"})})]})})]})}const Ce=A(`
  query ExplorerUsers($filter: UserFilter, $first: Int!, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      totalCountExact
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          email
          status
          isOperator
          lastSignInAt
          memberships {
            role
            status
            account {
              id
              name
            }
          }
        }
      }
    }
  }
`),Se=A(`
  query ExplorerAccountOptions($search: String) {
    accounts(first: 30, search: $search) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);function De(){const c=oe(),[b,I]=le(),[N,R]=v.useState(b.get("q")??""),[F]=X(N,300),z=b.get("status")||null,E=b.get("role")||null,w=b.get("account")||null,[p,r]=v.useState(""),[T]=X(p,250),[o,g]=v.useState([null]),[h,$]=v.useState(25),O=o[o.length-1]??null,P={status:z,role:E,accountId:w,search:F||null},[j,C]=v.useState(new Map),[{data:D,error:U,fetching:k},L]=J({query:Ce,variables:{filter:P,first:h,after:O},pause:!c.isOperator}),[{data:M}]=J({query:Se,variables:{search:T||null},pause:!c.isOperator});if(!c.isOperator)return e.jsx(re,{to:"/",replace:!0});const y=(t,i)=>{g([null]),I(d=>{const H=new URLSearchParams(d);return i?H.set(t,i):H.delete(t),H},{replace:!0})},s=D?.users,a=s?.edges.map(t=>t.node)??[],l=a.filter(t=>t.id!==c.id),m=l.length>0&&l.every(t=>j.has(t.id)),Q=l.some(t=>j.has(t.id)),ae=t=>C(i=>{const d=new Map(i);return d.has(t.id)?d.delete(t.id):d.set(t.id,t),d}),ne=[...j.values()].map(t=>{const i=a.find(d=>d.id===t.id);return i?{id:i.id,name:i.name,email:i.email,status:i.status}:t}),G=(M?.accounts.edges??[]).map(t=>({value:t.node.id,label:t.node.name}));return w&&!G.some(t=>t.value===w)&&G.unshift({value:w,label:"Selected account"}),e.jsxs(B,{gap:"sm",children:[e.jsx(de,{children:"User explorer"}),e.jsxs(S,{gap:"sm",align:"flex-end",wrap:"wrap",children:[e.jsx(pe,{label:"Search",placeholder:"Name or email",type:"search",value:N,onChange:t=>{R(t.currentTarget.value),g([null])},w:{base:"100%",sm:240}}),e.jsx(V,{label:"Status",data:[{value:"",label:"All statuses"},{value:"ACTIVE",label:"Active"},{value:"INACTIVE",label:"Inactive"}],value:z??"",onChange:t=>y("status",t||null),allowDeselect:!1,w:{base:"47%",sm:150}}),e.jsx(V,{label:"Role",data:[{value:"",label:"Any role"},...ue],value:E??"",onChange:t=>y("role",t||null),allowDeselect:!1,w:{base:"47%",sm:170}}),e.jsx(V,{label:"Account",placeholder:"Any account",searchable:!0,clearable:!0,searchValue:p,onSearchChange:r,filter:({options:t})=>t,data:G,value:w,onChange:t=>y("account",t),w:{base:"100%",sm:240}})]}),e.jsx(Te,{selected:ne,onDone:()=>{C(new Map),L({requestPolicy:"network-only"})}}),j.size>0&&e.jsx(f,{size:"xs",variant:"subtle",w:"fit-content",onClick:()=>C(new Map),children:"Clear selection"}),D&&U&&e.jsx(W,{error:U,title:"The list could not be refreshed"}),!D&&k?e.jsx(he,{label:"Loading users…"}):s?s.edges.length===0?e.jsx(me,{children:"No user matches these filters."}):e.jsx(je,{type:"auto",children:e.jsxs(n,{striped:!0,highlightOnHover:!0,verticalSpacing:"xs",miw:760,"aria-label":"Users",children:[e.jsx(n.Thead,{children:e.jsxs(n.Tr,{children:[e.jsx(n.Th,{w:40,children:e.jsx(Z,{"aria-label":"Select all users on this page",checked:m,indeterminate:Q&&!m,disabled:l.length===0,onChange:()=>C(t=>{const i=new Map(t);for(const d of l)m?i.delete(d.id):i.set(d.id,{id:d.id,name:d.name,email:d.email,status:d.status});return i})})}),e.jsx(n.Th,{children:"User"}),e.jsx(n.Th,{children:"Status"}),e.jsx(n.Th,{children:"Accounts"}),e.jsx(n.Th,{children:"Last sign-in"})]})}),e.jsx(n.Tbody,{children:s.edges.map(({node:t})=>e.jsxs(n.Tr,{"aria-label":t.name||t.email,children:[e.jsx(n.Td,{children:e.jsx(te,{label:"You cannot do this to yourself.",disabled:t.id!==c.id,position:"right",children:e.jsx("span",{children:e.jsx(Z,{"aria-label":`Select ${t.name||t.email}`,checked:j.has(t.id),disabled:t.id===c.id,"aria-description":t.id===c.id?"You cannot do this to yourself.":void 0,onChange:()=>ae({id:t.id,name:t.name,email:t.email,status:t.status})})})})}),e.jsxs(n.Td,{children:[e.jsx(fe,{component:ie,to:`/operator/users/${t.id}`,size:"sm",fw:500,children:t.name||t.email}),e.jsxs(u,{size:"xs",c:"dimmed",children:[t.email,t.isOperator?" · operator":""]})]}),e.jsx(n.Td,{children:e.jsx(ge,{value:t.status})}),e.jsxs(n.Td,{children:[t.memberships.length===0?e.jsx(u,{size:"xs",c:"dimmed",children:"none"}):t.memberships.slice(0,3).map(i=>e.jsxs(u,{size:"xs",children:[i.account.name,": ",se(i.role),i.status==="INACTIVE"?" (inactive)":""]},i.account.id)),t.memberships.length>3&&e.jsxs(u,{size:"xs",c:"dimmed",children:["and ",t.memberships.length-3," more"]})]}),e.jsx(n.Td,{children:e.jsx(u,{size:"sm",children:t.lastSignInAt?xe(t.lastSignInAt):"Never"})})]},t.id))})]})}):e.jsx(W,{error:U,title:"The users cannot be loaded"}),s&&e.jsxs(S,{justify:"space-between",wrap:"wrap",children:[e.jsxs(u,{size:"sm",c:"dimmed",children:["Page ",o.length," · ",s.totalCountExact?s.totalCount:`${s.totalCount.toLocaleString()}+`," users match"]}),e.jsxs(S,{gap:"xs",children:[e.jsx(f,{variant:"default",size:"xs",disabled:o.length===1,onClick:()=>g(t=>t.slice(0,-1)),children:"Previous page"}),e.jsx(f,{variant:"default",size:"xs",disabled:!s.pageInfo.hasNextPage,onClick:()=>g(t=>[...t,s.pageInfo.endCursor??null]),children:"Next page"}),e.jsx(V,{"aria-label":"Page size",size:"xs",w:110,data:["25","50","100"].map(t=>({value:t,label:`${t} / page`})),value:String(h),onChange:t=>{t&&($(Number(t)),g([null]))},allowDeselect:!1})]})]})]})}export{De as OperatorUsersPage};
