import{r as n,j as e,N as S,L as v}from"./react-Couqn75u.js";import{e as $,u as w}from"./vendor-B8ltes7y.js";import{u as E,P as q,L,E as y,a as O,f as N,g as A}from"./index-RCEZbQ8e.js";import{f as k,i as D,d as s,j as C,e as B,s as a,l as T,a as b,G as x,m as P,A as z,S as R,D as I}from"./mantine-DrgVlX4X.js";const U=A(`
  query OperatorAccounts($search: String, $first: Int!, $after: String) {
    accounts(search: $search, first: $first, after: $after) {
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
          userDirectory
          requireDeactivationBeforeDelete
          createdAt
        }
      }
    }
  }
`),G=A(`
  mutation CreateAccount($name: String!, $ownerEmail: String!, $userDirectory: UserDirectory, $requireDeactivationBeforeDelete: Boolean) {
    createAccount(name: $name, ownerEmail: $ownerEmail, userDirectory: $userDirectory, requireDeactivationBeforeDelete: $requireDeactivationBeforeDelete) {
      account {
        id
        name
      }
      invitation {
        id
        email
      }
    }
  }
`);function M({onClose:c}){const[u,m]=n.useState(""),[h,i]=n.useState(""),[o,j]=n.useState("LOCAL"),[d,g]=n.useState(!1),[l,f]=w(G),p=async t=>{t.preventDefault(),await f({name:u,ownerEmail:h,userDirectory:o,requireDeactivationBeforeDelete:d})},r=l.data?.createAccount;return e.jsx(P,{opened:!0,onClose:c,title:"Create an account",children:r?e.jsxs(D,{children:[e.jsxs(z,{color:"green",role:"status",children:[r.account.name," is created; ",r.invitation.email," is invited as its Owner."]}),e.jsxs(x,{justify:"flex-end",children:[e.jsxs(s,{component:v,to:`/accounts/${r.account.id}/users`,variant:"default",children:["Open ",r.account.name]}),e.jsx(s,{onClick:c,children:"Done"})]})]}):e.jsx("form",{onSubmit:p,children:e.jsxs(D,{children:[e.jsx(y,{error:l.error,title:"The account was not created"}),e.jsx(C,{label:"Account name",required:!0,value:u,onChange:t=>m(t.currentTarget.value),"data-autofocus":!0}),e.jsx(C,{label:"Owner's email",type:"email",required:!0,value:h,onChange:t=>i(t.currentTarget.value),description:"They get an invitation to become the Owner."}),e.jsx(R,{label:"User directory",data:[{value:"LOCAL",label:"Local (managed here)"},{value:"EXTERNAL",label:"External directory"}],value:o,onChange:t=>t&&j(t),allowDeselect:!1}),e.jsx(I,{label:"Require deactivation before delete",checked:d,onChange:t=>g(t.currentTarget.checked)}),e.jsxs(x,{justify:"flex-end",children:[e.jsx(s,{variant:"default",onClick:c,children:"Cancel"}),e.jsx(s,{type:"submit",loading:l.fetching,children:"Create account"})]})]})})})}function H(){const c=E(),[u,m]=n.useState(""),[h]=k(u,300),[i,o]=n.useState([null]),[j,d]=n.useState(!1),g=i[i.length-1]??null,[{data:l,error:f,fetching:p}]=$({query:U,variables:{search:h||null,first:25,after:g},pause:!c.isOperator});if(!c.isOperator)return e.jsx(S,{to:"/",replace:!0});const r=l?.accounts;return e.jsxs(D,{gap:"sm",children:[e.jsx(q,{right:e.jsx(s,{onClick:()=>d(!0),children:"Create account"}),children:"Accounts"}),e.jsx(C,{label:"Search",placeholder:"Account name",type:"search",value:u,onChange:t=>{m(t.currentTarget.value),o([null])},w:{base:"100%",sm:300}}),!l&&p?e.jsx(L,{}):r?r.edges.length===0?e.jsx(O,{children:"No account matches."}):e.jsx(B,{type:"auto",children:e.jsxs(a,{striped:!0,verticalSpacing:"xs",miw:640,"aria-label":"Accounts",children:[e.jsx(a.Thead,{children:e.jsxs(a.Tr,{children:[e.jsx(a.Th,{children:"Account"}),e.jsx(a.Th,{children:"User directory"}),e.jsx(a.Th,{children:"Deactivate before delete"}),e.jsx(a.Th,{children:"Created"}),e.jsx(a.Th,{children:"Settings"})]})}),e.jsx(a.Tbody,{children:r.edges.map(({node:t})=>e.jsxs(a.Tr,{"aria-label":t.name,children:[e.jsx(a.Td,{children:e.jsx(T,{component:v,to:`/accounts/${t.id}/users`,size:"sm",children:t.name})}),e.jsx(a.Td,{children:t.userDirectory==="EXTERNAL"?"External":"Local"}),e.jsx(a.Td,{children:t.requireDeactivationBeforeDelete?"Required":"No"}),e.jsx(a.Td,{children:e.jsx(b,{size:"sm",children:N(t.createdAt)})}),e.jsx(a.Td,{children:e.jsx(T,{component:v,to:`/accounts/${t.id}/settings`,size:"sm","aria-label":`Settings of ${t.name}`,children:"Settings"})})]},t.id))})]})}):e.jsx(y,{error:f,title:"The accounts cannot be loaded"}),r&&e.jsxs(x,{justify:"space-between",children:[e.jsxs(b,{size:"sm",c:"dimmed",children:["Page ",i.length," · ",r.totalCountExact?r.totalCount:`${r.totalCount.toLocaleString()}+`," accounts"]}),e.jsxs(x,{gap:"xs",children:[e.jsx(s,{variant:"default",size:"xs",disabled:i.length===1,onClick:()=>o(t=>t.slice(0,-1)),children:"Previous page"}),e.jsx(s,{variant:"default",size:"xs",disabled:!r.pageInfo.hasNextPage,onClick:()=>o(t=>[...t,r.pageInfo.endCursor??null]),children:"Next page"})]})]}),j&&e.jsx(M,{onClose:()=>d(!1)})]})}export{H as OperatorAccountsPage};
