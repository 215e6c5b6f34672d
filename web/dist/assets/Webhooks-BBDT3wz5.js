import{g as ae,e as le,r as u,j as e,N as U,L as F}from"./react-Couqn75u.js";import{e as O,u as k}from"./vendor-B8ltes7y.js";import{u as q,b as de,L as G,E as T,P as _,f as m,e as V,a as H,g as E}from"./index-DNHJOwBN.js";import{i as x,l as Q,h as ce,a as l,G as v,B as L,D as S,d as p,n as N,T as he,S as pe,e as Y,s,r as ue,m as J,j as P,t as B}from"./mantine-DrgVlX4X.js";E(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    eventTypes
    enabled
    secretRotatedAt
    previousSecretExpiresAt
    createdAt
    updatedAt
  }
`);const xe=E(`
  query WebhookEndpoints {
    webhookEndpoints {
      ...WebhookEndpointFields
    }
  }
`),be=E(`
  query WebhookEndpoint($id: ID!, $first: Int!, $after: String, $status: WebhookDeliveryStatus) {
    webhookEndpoint(id: $id) {
      ...WebhookEndpointFields
      deliveries(first: $first, after: $after, status: $status) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            eventId
            eventType
            occurredAt
            status
            attempts
            lastAttemptAt
            lastStatusCode
            lastError
            nextAttemptAt
            deliveredAt
          }
        }
      }
    }
  }
`),je=E(`
  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [WebhookEventType!]!, $description: String, $enabled: Boolean) {
    createWebhookEndpoint(url: $url, eventTypes: $eventTypes, description: $description, enabled: $enabled) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`),K=E(`
  mutation UpdateWebhookEndpoint($id: ID!, $url: String, $eventTypes: [WebhookEventType!], $description: String, $enabled: Boolean) {
    updateWebhookEndpoint(id: $id, url: $url, eventTypes: $eventTypes, description: $description, enabled: $enabled) {
      endpoint {
        ...WebhookEndpointFields
      }
    }
  }
`),ge=E(`
  mutation RotateWebhookEndpointSecret($id: ID!) {
    rotateWebhookEndpointSecret(id: $id) {
      endpoint {
        ...WebhookEndpointFields
      }
      secret
    }
  }
`),me=E(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      deletedEndpointId
    }
  }
`),X=[{value:"MEMBER_DEACTIVATED",label:"member.deactivated"},{value:"MEMBER_ACTIVATED",label:"member.activated"},{value:"MEMBER_DELETED",label:"member.deleted"},{value:"MEMBER_DETACHED",label:"member.detached"},{value:"USER_DEACTIVATED",label:"user.deactivated"},{value:"USER_ACTIVATED",label:"user.activated"},{value:"USER_DELETED",label:"user.deleted"}],A=n=>X.find(r=>r.value===n)?.label??n,M={PENDING:"blue",RETRYING:"orange",SUCCEEDED:"green",FAILED:"red",CANCELLED:"gray"};function Z(n){const[r,j]=u.useState(n.initial?.url??""),[d,c]=u.useState(n.initial?.description??""),[h,g]=u.useState(n.initial?.eventTypes??[]),[f,b]=u.useState(!0),o=a=>{a.preventDefault(),n.onSubmit({url:r,description:d,eventTypes:h,enabled:f})};return e.jsx("form",{onSubmit:o,children:e.jsxs(x,{children:[e.jsx(P,{label:"URL",description:"https (plain http only for localhost)",placeholder:"https://example.com/roster-events",required:!0,value:r,onChange:a=>j(a.currentTarget.value),"data-autofocus":!0}),e.jsx(P,{label:"Description",placeholder:"What receives these events",value:d,onChange:a=>c(a.currentTarget.value)}),e.jsx(B.Group,{label:"Event types",description:"At least one.",value:h,onChange:g,children:e.jsx(x,{gap:4,mt:"xs",children:X.map(a=>e.jsx(B,{value:a.value,label:a.label},a.value))})}),n.withEnabled&&e.jsx(S,{label:"Enabled",checked:f,onChange:a=>b(a.currentTarget.checked)}),e.jsxs(v,{justify:"flex-end",children:[e.jsx(p,{variant:"default",onClick:n.onCancel,children:"Cancel"}),e.jsx(p,{type:"submit",loading:n.fetching,children:n.submitLabel})]})]})})}function ve({opened:n,onClose:r}){return e.jsx(J,{opened:n,onClose:r,title:"Add a webhook endpoint",size:"lg",children:e.jsx(Ee,{onClose:r})})}function Ee({onClose:n}){const[r,j]=k(je),d=r.data?.createWebhookEndpoint;return d?e.jsxs(x,{children:[e.jsx(V,{title:"Signing secret",secret:d.secret,what:`Give this secret to the receiver at ${d.endpoint.url}: it verifies each delivery's webhook-signature with it.`}),e.jsx(v,{justify:"flex-end",children:e.jsx(p,{onClick:n,children:"Done"})})]}):e.jsxs(x,{children:[e.jsx(T,{error:r.error,title:"The endpoint was not added"}),e.jsx(Z,{submitLabel:"Add endpoint",withEnabled:!0,fetching:r.fetching,onCancel:n,onSubmit:c=>j({url:c.url,description:c.description,eventTypes:c.eventTypes,enabled:c.enabled})})]})}function ye(){const n=q(),[{data:r,error:j,fetching:d}]=O({query:xe,pause:!n.isOperator}),[c,h]=u.useState(!1),[g,f]=k(K);if(!n.isOperator)return e.jsx(U,{to:"/",replace:!0});const b=r?.webhookEndpoints??[];return e.jsxs(x,{gap:"sm",children:[e.jsx(_,{right:e.jsx(p,{onClick:()=>h(!0),children:"Add endpoint"}),children:"Webhooks"}),e.jsx(l,{size:"sm",c:"dimmed",children:"Roster posts member and user lifecycle events to these URLs, signed per the Standard Webhooks specification, retrying for about 28 hours."}),e.jsx(T,{error:g.error,title:"The endpoint was not changed"}),!r&&d?e.jsx(G,{label:"Loading webhook endpoints…"}):r?b.length===0?e.jsx(H,{children:"No webhook endpoint yet."}):e.jsx(Y,{type:"auto",children:e.jsxs(s,{striped:!0,verticalSpacing:"xs",miw:760,"aria-label":"Webhook endpoints",children:[e.jsx(s.Thead,{children:e.jsxs(s.Tr,{children:[e.jsx(s.Th,{children:"URL"}),e.jsx(s.Th,{children:"Event types"}),e.jsx(s.Th,{children:"Enabled"}),e.jsx(s.Th,{children:"Created"})]})}),e.jsx(s.Tbody,{children:b.map(o=>e.jsxs(s.Tr,{"aria-label":o.url,children:[e.jsxs(s.Td,{children:[e.jsx(Q,{component:F,to:`/operator/webhooks/${o.id}`,size:"sm",fw:500,style:{wordBreak:"break-all"},children:o.url}),o.description&&e.jsx(l,{size:"xs",c:"dimmed",children:o.description})]}),e.jsx(s.Td,{children:e.jsx(l,{size:"xs",children:o.eventTypes.map(A).join(", ")})}),e.jsx(s.Td,{children:e.jsx(S,{"aria-label":`Enabled: ${o.url}`,checked:o.enabled,onChange:a=>f({id:o.id,enabled:a.currentTarget.checked})})}),e.jsx(s.Td,{children:e.jsx(l,{size:"sm",children:m(o.createdAt)})})]},o.id))})]})}):e.jsx(T,{error:j,title:"The webhook endpoints cannot be loaded"}),e.jsx(ve,{opened:c,onClose:()=>h(!1)})]})}function Ae(){const n=q(),{endpointId:r=""}=ae(),j=le(),[d,c]=u.useState(null),[h,g]=u.useState([null]),f=h[h.length-1]??null,[{data:b,error:o,fetching:a},ee]=O({query:be,variables:{id:r,first:20,after:f,status:d},pause:!n.isOperator}),[C,D]=k(K),[$,te]=k(ge),[W,se]=k(me),[ne,w]=u.useState(!1),[R,ie]=u.useState(null),[re,z]=de();if(!n.isOperator)return e.jsx(U,{to:"/",replace:!0});if(!b&&a)return e.jsx(G,{});if(!b)return e.jsx(T,{error:o,title:"This webhook endpoint cannot be shown"});const i=b.webhookEndpoint,I=i.deliveries.edges.map(t=>t.node),oe=C.error??$.error??W.error;return e.jsxs(x,{gap:"md",maw:1100,children:[e.jsx(Q,{component:F,to:"/operator/webhooks",size:"sm",children:"← Webhooks"}),e.jsx(_,{children:"Webhook endpoint"}),e.jsx(T,{error:oe,title:"The action failed"}),e.jsx(ce,{withBorder:!0,p:"md",children:e.jsxs(x,{gap:"xs",children:[e.jsx(l,{fw:500,style:{wordBreak:"break-all"},children:i.url}),i.description&&e.jsx(l,{size:"sm",children:i.description}),e.jsx(v,{gap:4,children:i.eventTypes.map(t=>e.jsx(L,{variant:"light",tt:"none",children:A(t)},t))}),e.jsxs(l,{size:"xs",c:"dimmed",children:["Created ",m(i.createdAt)," · secret made ",m(i.secretRotatedAt),i.previousSecretExpiresAt?` · the previous secret signs too until ${m(i.previousSecretExpiresAt)}`:""]}),e.jsxs(v,{gap:"xs",wrap:"wrap",children:[e.jsx(S,{label:"Enabled",checked:i.enabled,onChange:t=>D({id:i.id,enabled:t.currentTarget.checked})}),e.jsx(p,{size:"xs",variant:"light",onClick:()=>w(!0),children:"Edit"}),e.jsx(p,{size:"xs",variant:"light",color:"orange",loading:$.fetching,onClick:async()=>{if(!await z({title:"Rotate the signing secret?",body:"A new secret signs every delivery from now on; for 24 hours the current one signs too, so the receiver can switch without losing a delivery.",confirm:"Rotate secret",color:"orange"}))return;const y=await te({id:i.id});y.data&&ie(y.data.rotateWebhookEndpointSecret.secret)},children:"Rotate secret"}),e.jsx(p,{size:"xs",variant:"light",color:"red",loading:W.fetching,onClick:async()=>{if(!await z({title:"Delete this webhook endpoint?",body:`${i.url} stops receiving events; its deliveries are deleted and those not yet made are dropped. This cannot be undone.`,confirm:"Delete endpoint"}))return;(await se({id:i.id})).data&&(N.show({message:`The endpoint ${i.url} was deleted.`}),j("/operator/webhooks"))},children:"Delete"})]}),R&&e.jsx(V,{title:"New signing secret",secret:R,what:"Give this secret to the receiver."})]})}),e.jsxs(x,{gap:"xs",children:[e.jsxs(v,{justify:"space-between",align:"flex-end",wrap:"wrap",children:[e.jsx(he,{order:3,size:"h4",children:"Deliveries"}),e.jsxs(v,{gap:"xs",align:"flex-end",children:[e.jsx(pe,{label:"Status",size:"xs",w:160,data:[{value:"",label:"All statuses"},...Object.keys(M).map(t=>({value:t,label:t.charAt(0)+t.slice(1).toLowerCase()}))],value:d??"",onChange:t=>{c(t||null),g([null])},allowDeselect:!1}),e.jsx(p,{size:"xs",variant:"default",onClick:()=>ee({requestPolicy:"network-only"}),children:"Refresh"})]})]}),I.length===0?e.jsx(H,{children:d?"No delivery in this status.":"Nothing was sent to this endpoint yet."}):e.jsx(Y,{type:"auto",children:e.jsxs(s,{striped:!0,verticalSpacing:"xs",miw:900,"aria-label":"Deliveries",children:[e.jsx(s.Thead,{children:e.jsxs(s.Tr,{children:[e.jsx(s.Th,{children:"Event"}),e.jsx(s.Th,{miw:130,children:"Status"}),e.jsx(s.Th,{children:"Attempts"}),e.jsx(s.Th,{children:"Last answer"}),e.jsx(s.Th,{children:"Next attempt"})]})}),e.jsx(s.Tbody,{children:I.map(t=>e.jsxs(s.Tr,{"aria-label":`${A(t.eventType)} ${t.eventId}`,children:[e.jsxs(s.Td,{children:[e.jsx(l,{size:"sm",children:A(t.eventType)}),e.jsxs(l,{size:"xs",c:"dimmed",children:[m(t.occurredAt)," · ",t.eventId]})]}),e.jsxs(s.Td,{children:[e.jsx(L,{color:M[t.status]??"gray",variant:"light",children:t.status.charAt(0)+t.status.slice(1).toLowerCase()}),t.deliveredAt&&e.jsx(l,{size:"xs",c:"dimmed",children:m(t.deliveredAt)})]}),e.jsx(s.Td,{children:t.attempts}),e.jsxs(s.Td,{children:[e.jsx(l,{size:"sm",children:t.lastStatusCode??(t.lastAttemptAt?"no answer":"—")}),t.lastError&&e.jsx(ue,{label:t.lastError,multiline:!0,w:360,withinPortal:!0,children:e.jsx(l,{size:"xs",c:"red",lineClamp:2,maw:320,children:t.lastError})})]}),e.jsx(s.Td,{children:e.jsx(l,{size:"sm",children:t.nextAttemptAt?m(t.nextAttemptAt):"—"})})]},t.id))})]})}),e.jsxs(v,{gap:"xs",justify:"flex-end",children:[e.jsxs(l,{size:"sm",c:"dimmed",children:["Page ",h.length]}),e.jsx(p,{variant:"default",size:"xs",disabled:h.length===1,onClick:()=>g(t=>t.slice(0,-1)),children:"Previous page"}),e.jsx(p,{variant:"default",size:"xs",disabled:!i.deliveries.pageInfo.hasNextPage,onClick:()=>g(t=>[...t,i.deliveries.pageInfo.endCursor??null]),children:"Next page"})]})]}),e.jsx(J,{opened:ne,onClose:()=>w(!1),title:"Edit the webhook endpoint",size:"lg",children:e.jsxs(x,{children:[e.jsx(T,{error:C.error,title:"The endpoint was not changed"}),e.jsx(Z,{initial:{url:i.url,description:i.description,eventTypes:i.eventTypes},submitLabel:"Save",withEnabled:!1,fetching:C.fetching,onCancel:()=>w(!1),onSubmit:async t=>{(await D({id:i.id,url:t.url,description:t.description,eventTypes:t.eventTypes})).data&&(w(!1),N.show({color:"green",message:"Endpoint saved."}))}})]})}),re]})}export{Ae as OperatorWebhookPage,ye as OperatorWebhooksPage};
